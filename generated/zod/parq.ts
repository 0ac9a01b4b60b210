// Generated from models/parq.yaml by `npm run generate`. Do not edit: change the models and regenerate.

import { z } from 'zod';
import { formats } from './formats.ts';
import { dateTime, jsonColumn, readSchema } from './codecs.ts';

/** Answers to the seven standard PAR-Q questions; true means "yes". */
export const ParqAnswersSchema = z.strictObject({
  heartCondition: z.boolean().describe('Has a doctor said you have a heart condition and should only do activity a doctor recommends?'),
  chestPainDuringActivity: z.boolean().describe('Do you feel pain in your chest when you do physical activity?'),
  chestPainAtRest: z.boolean().describe('In the past month, have you had chest pain when not doing physical activity?'),
  dizzinessOrFainting: z.boolean().describe('Do you lose your balance because of dizziness, or ever lose consciousness?'),
  boneOrJointProblem: z.boolean().describe('Do you have a bone or joint problem that could be made worse by a change in physical activity?'),
  bloodPressureMedication: z.boolean().describe('Is a doctor currently prescribing drugs for your blood pressure or heart condition?'),
  otherReason: z.boolean().describe('Do you know of any other reason why you should not do physical activity?'),
  details: z.string().max(2000).nullable().exactOptional().describe('Details for any "yes" answer.'),
}).describe('Answers to the seven standard PAR-Q questions; true means "yes".');

export type ParqAnswers = z.infer<typeof ParqAnswersSchema>;

/** One signed PAR-Q. A "yes" to any question needs medical clearance before the member may book. */
export const ParqQuestionnaireSchema = readSchema(z.object({
  id: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).describe('Unique identifier (cuid).'),
  createdAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the record was created.'),
  profileId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  answers: jsonColumn(ParqAnswersSchema).describe('The member\'s answers to the seven questions.'),
  hasPositiveAnswer: z.boolean().describe('True when any answer is "yes"; computed by the server from answers.'),
  signatureName: z.string().min(2).max(200).describe('Full name typed by the member as their signature.'),
  signedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the member signed.'),
  expiresAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().describe('When the member must sign again (normally 12 months after signing).'),
  medicalClearanceAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().describe('When staff recorded a doctor\'s clearance, for a questionnaire with a "yes" answer.'),
}).describe('One signed PAR-Q. A "yes" to any question needs medical clearance before the member may book.'));

export type ParqQuestionnaire = z.infer<typeof ParqQuestionnaireSchema>;
export type ParqQuestionnaireJson = z.input<typeof ParqQuestionnaireSchema>;

/**
 * One signed PAR-Q. A "yes" to any question needs medical clearance before the member may book.
 *
 * Input for creating one; fields with defaults may be left out.
 */
export const ParqQuestionnaireCreateSchema = z.strictObject({
  profileId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }),
  answers: ParqAnswersSchema.describe('The member\'s answers to the seven questions.'),
  signatureName: z.string().min(2).max(200).describe('Full name typed by the member as their signature.'),
  signedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).describe('When the member signed.'),
  medicalClearanceAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().exactOptional().describe('When staff recorded a doctor\'s clearance, for a questionnaire with a "yes" answer.'),
}).describe('One signed PAR-Q. A "yes" to any question needs medical clearance before the member may book.\n\nInput for creating one; fields with defaults may be left out.');

export type ParqQuestionnaireCreate = z.infer<typeof ParqQuestionnaireCreateSchema>;

/**
 * One signed PAR-Q. A "yes" to any question needs medical clearance before the member may book.
 *
 * Input for updating one; every field is optional.
 */
export const ParqQuestionnaireUpdateSchema = z.strictObject({
  profileId: z.string().regex(formats['cuid'], { error: 'must be a valid cuid' }).exactOptional(),
  answers: ParqAnswersSchema.exactOptional().describe('The member\'s answers to the seven questions.'),
  signatureName: z.string().min(2).max(200).exactOptional().describe('Full name typed by the member as their signature.'),
  signedAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).exactOptional().describe('When the member signed.'),
  medicalClearanceAt: dateTime(z.iso.datetime({ offset: true, error: 'must be a valid date-time' })).nullable().exactOptional().describe('When staff recorded a doctor\'s clearance, for a questionnaire with a "yes" answer.'),
}).describe('One signed PAR-Q. A "yes" to any question needs medical clearance before the member may book.\n\nInput for updating one; every field is optional.');

export type ParqQuestionnaireUpdate = z.infer<typeof ParqQuestionnaireUpdateSchema>;
