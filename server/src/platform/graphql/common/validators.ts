/** class-validator rules the domain needs beyond the built-in ones. */
import { ArrayMaxSize, IsOptional, Length, Matches, registerDecorator, type ValidationOptions } from 'class-validator';
import { Field } from 'type-graphql';
import { BadInputError } from '../../../domain/errors';
import { isCalendarDate, malformedEmail, normalizeText, textProblem } from '../../../domain/validation';
import { websiteAddress } from '../../../domain/website';

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

export { LIMITS } from '../../../domain/limits';
import { LIMITS } from '../../../domain/limits';

/**
 * Text of one line: no control characters, valid Unicode (names, titles, places, aliases); see
 * domain/validation.ts textProblem for the whole rule. Text that passes is NFC-normalised.
 */
export function IsSingleLineText(options?: ValidationOptions): PropertyDecorator {
  return textRule('isSingleLineText', false, options);
}

/** Text of several lines: line breaks and tabs allowed, other control characters not. */
export function IsMultiLineText(options?: ValidationOptions): PropertyDecorator {
  return textRule('isMultiLineText', true, options);
}

/**
 * The text rule of an input field. class-validator has no transforming step and type-graphql hands
 * the resolver the very object it validated, so the rule also writes the NFC form of the field
 * back (each item of a list with `each`): every text reaches the service and the stores in NFC, as
 * the import's texts do (transfer/validate.ts).
 */
function textRule(name: string, multiline: boolean, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: (args) => `${args.property} ${firstTextProblem(args.value, multiline) ?? 'is not valid text'}`,
        ...options,
      },
      validator: {
        validate: (value: unknown, args) => {
          if (value == null) return true;
          if (typeof value !== 'string' || textProblem(value, multiline) !== null) return false;
          if (args) normalizeField(args.object as Record<string, unknown>, args.property);
          return true;
        },
      },
    });
  };
}

/** The problem of a value, or of the first item of a list (`each`) that has one. */
function firstTextProblem(value: unknown, multiline: boolean): string | null {
  const items = Array.isArray(value) ? value : [value];
  for (const item of items)
    if (typeof item === 'string' && textProblem(item, multiline)) return textProblem(item, multiline);
  return null;
}

/** Writes the NFC form of a validated field (a string, or the strings of a list) back onto its input object. */
function normalizeField(object: Record<string, unknown>, property: string): void {
  const current = object[property];
  if (typeof current === 'string') object[property] = normalizeText(current);
  else if (Array.isArray(current))
    current.forEach((item, i) => typeof item === 'string' && (current[i] = normalizeText(item)));
}

/** Contact details: free text, but every e-mail address in it must be well-formed. */
export function HasWellFormedEmails(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'hasWellFormedEmails',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: (args) => `${args.property}: "${malformedEmail(String(args.value))}" is not a valid e-mail address`,
        ...options,
      },
      validator: {
        validate: (value: unknown) => value == null || (typeof value === 'string' && malformedEmail(value) === null),
      },
    });
  };
}

/** BAD_USER_INPUT naming the argument when a list argument is longer than `max`. */
export function checkListSize(
  list: readonly unknown[] | null | undefined,
  field: string,
  max: number = LIMITS.listInput,
): void {
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
  if (!Number.isInteger(value) || value < min || value > max)
    throw new BadInputError(`${field} must be a whole number from ${min} to ${max}`, field);
}

/**
 * A website under the one rule of API and import (domain/website.ts): an http(s) address, or a
 * bare host to which https:// is added — written back onto the input, as the text rule writes NFC.
 */
export function IsWebsite(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isWebsite',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: '$property must be a web address (http or https), e.g. https://example.org or example.org',
        ...options,
      },
      validator: {
        validate: (value: unknown, args) => {
          if (value == null) return true;
          if (typeof value !== 'string') return false;
          const address = websiteAddress(value);
          if (address === null) return false;
          if (args) (args.object as Record<string, unknown>)[args.property] = address;
          return true;
        },
      },
    });
  };
}

/**
 * The `newTopics` field of a write that creates topics on the way (recordActor,
 * recordCollaboration, updateActor, editCollaboration): names of one line, not blank, each new.
 */
export function NewTopicNamesField(description: string): PropertyDecorator {
  const decorators = [
    Field(() => [String], { nullable: true, description }),
    IsOptional(),
    ArrayMaxSize(LIMITS.listInput),
    Length(1, LIMITS.name, { each: true }),
    Matches(/\S/, { each: true, message: 'a topic name must not be blank' }),
    IsSingleLineText({ each: true }),
  ];
  return (target, propertyName) => decorators.forEach((decorate) => decorate(target, propertyName));
}
