// Generated from models/gym.yaml, models/member.yaml by `npm run generate`. Do not edit: change the models and regenerate.

export * from './formats.ts'
export * from './codecs.ts'
export * from './gym.ts'
export * from './member.ts'
