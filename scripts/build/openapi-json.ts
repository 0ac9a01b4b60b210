import { load } from 'js-yaml'

/** The committed OpenAPI YAML (generated/openapi/openapi.yaml) as the JSON the package ships (`@pika/db/openapi.json`). */
export function openapiJsonText(yamlText: string): string {
  return `${JSON.stringify(load(yamlText), null, 2)}\n`
}
