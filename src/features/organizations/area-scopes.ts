/** Where an organisation works: the area facet of the directory (labels in locales, organizations.areaScopes). */
export const areaScopes = ['lokalny', 'powiatowy', 'regionalny', 'krajowy', 'miedzynarodowy'] as const;
export type AreaScope = (typeof areaScopes)[number];
