import { z } from 'zod';

export const ZImportParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
});

/** A page number of one of the report's lists: anything odd is page 1, never an error page. */
const zPage = z.coerce.number().int().min(1).max(1_000).optional().catch(undefined);

/** `/organizacje/import/12?bledne=2&zmiany=1&nowe=3`: each list of the report has its own page. */
export const ZReportQuery = z.object({ bledne: zPage, zmiany: zPage, nowe: zPage });
export type TReportQuery = z.infer<typeof ZReportQuery>;
