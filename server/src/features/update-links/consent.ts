/**
 * The consent text shown on the update page next to the contact fields. Its version is stored with
 * every consent record: a changed text gets a new version, so each record says what was agreed to.
 */
export const CONSENT_TEXT_VERSION = 'kontakt-2026-1';

export const CONSENT_TEXT = {
  de:
    'Ich willige ein, dass das Quartiersmanagement die oben angegebenen Kontaktdaten speichert, um ' +
    'mich zur Netzwerkarbeit im Stadtteil anzusprechen. Die Kontaktdaten sind nur für die Redaktion ' +
    'sichtbar, nicht auf der Netzwerkkarte. Ich kann die Einwilligung jederzeit über diesen Link ' +
    'widerrufen; die Kontaktdaten werden dann gelöscht.',
  en:
    'I agree that the quarter management stores the contact data given above to contact me about ' +
    'networking in the quarter. The contact data is visible to the editors only, not on the network ' +
    'map. I can withdraw this consent at any time through this link; the contact data is then deleted.',
} as const;
