/**
 * Rules that need more than one field, checked before anything is written. Field-level rules
 * (lengths, formats, enums) are declared on the GraphQL inputs with class-validator.
 */
import { BadInputError } from './errors';
import type { IsoDate } from './model';

/** Ids chosen by clients (seeds, imports): readable and safe in URLs. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/** A real calendar date `YYYY-MM-DD` (2023-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function checkDateRange(startDate: IsoDate | null | undefined, endDate: IsoDate | null | undefined, fieldPrefix = ''): void {
  if (endDate && !startDate) {
    throw new BadInputError('endDate needs a startDate', `${fieldPrefix}endDate`);
  }
  if (startDate && endDate && endDate < startDate) {
    throw new BadInputError(`endDate ${endDate} is before startDate ${startDate}`, `${fieldPrefix}endDate`);
  }
}

/** A filter's date range must not end before it starts (`filter.to` before `filter.from`). */
export function checkFilterRange(filter: { from?: IsoDate | null; to?: IsoDate | null } | null | undefined): void {
  if (filter?.from && filter.to && filter.to < filter.from) {
    throw new BadInputError(`filter.to ${filter.to} is before filter.from ${filter.from}`, 'filter.to');
  }
}
