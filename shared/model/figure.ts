import { z } from 'zod';
import { FIGURE_QUALIFIERS } from './vocabulary';

export { FIGURE_QUALIFIERS, type FigureQualifier } from './vocabulary';

/** An ISO 4217 currency code; also checked without zod on reading a file. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/**
 * A figure's normalised value. "$ 15-30 billion" is { min: 15e9, max: 30e9, currency: 'USD' };
 * a single number has min === max. `unit` is for counts and measures ("users", "jobs", "%", "years");
 * `currency` is an ISO 4217 code for money. `measures` says what the number is about ("valuation").
 */
export const FigureValue = z
  .object({
    min: z.number().finite(),
    max: z.number().finite(),
    unit: z.string().max(64).optional(),
    currency: z
      .string()
      .regex(CURRENCY_PATTERN, 'currency is a three-letter ISO 4217 code such as USD')
      .optional(),
    qualifier: z.enum(FIGURE_QUALIFIERS).default('exactly'),
    measures: z.string().max(200).optional(),
  })
  .refine((v) => v.min <= v.max, { message: 'min must not be greater than max' });
export type FigureValue = z.infer<typeof FigureValue>;
