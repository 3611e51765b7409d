/** class-validator rules the domain needs beyond the built-in ones. */
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isCalendarDate } from '../../domain/validation';

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
  id: 100,
  name: 200,
  text: 4000,
  url: 500,
  contact: 500,
  aliases: 20,
  listInput: 500,
} as const;
