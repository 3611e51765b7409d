/** class-validator rules the domain needs beyond the built-in ones. */
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { BadInputError } from '../../domain/errors';
import { isCalendarDate, malformedEmail, textProblem } from '../../domain/validation';

/** A calendar date `YYYY-MM-DD` that exists. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property must be a date YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value) },
    });
  };
}

/** Limits shared by every input. */
export const LIMITS = {
  /** Ids chosen for new records. */
  id: 100,
  /** Ids referring to records: topic ids are slugs of names (up to 200 characters, ß → ss). */
  reference: 500,
  name: 200,
  text: 4000,
  url: 500,
  contact: 500,
  aliases: 20,
  listInput: 500,
} as const;

/** Text of one line: no control characters, valid Unicode (names, titles, places, aliases). */
export function IsSingleLineText(options?: ValidationOptions): PropertyDecorator {
  return textRule('isSingleLineText', false, options);
}

/** Text of several lines: line breaks and tabs allowed, other control characters not. */
export function IsMultiLineText(options?: ValidationOptions): PropertyDecorator {
  return textRule('isMultiLineText', true, options);
}

function textRule(name: string, multiline: boolean, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: (args) => `${args.property} ${textProblem(String(args.value), multiline) ?? 'is not valid text'}`, ...options },
      validator: { validate: (value: unknown) => value == null || (typeof value === 'string' && textProblem(value, multiline) === null) },
    });
  };
}

/** Contact details: free text, but every e-mail address in it must be well-formed. */
export function HasWellFormedEmails(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'hasWellFormedEmails',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: (args) => `${args.property}: "${malformedEmail(String(args.value))}" is not a valid e-mail address`, ...options },
      validator: { validate: (value: unknown) => value == null || (typeof value === 'string' && malformedEmail(value) === null) },
    });
  };
}

/** BAD_USER_INPUT naming the argument when a list argument is longer than `max`. */
export function checkListSize(list: readonly unknown[] | null | undefined, field: string, max: number = LIMITS.listInput): void {
  if (list && list.length > max) throw new BadInputError(`${field} may list at most ${max} entries`, field);
}

/** BAD_USER_INPUT naming the argument when an id argument cannot be an id (empty, too long). */
export function checkIdArg(id: string, field: string): void {
  if (id.length === 0 || id.length > LIMITS.reference) {
    throw new BadInputError(`${field} must be an id of 1 to ${LIMITS.reference} characters`, field);
  }
}

/** BAD_USER_INPUT naming the argument when it is not a whole number from `min` to `max`. */
export function checkIntRange(value: number, field: string, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) throw new BadInputError(`${field} must be a whole number from ${min} to ${max}`, field);
}
