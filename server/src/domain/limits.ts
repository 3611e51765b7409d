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
