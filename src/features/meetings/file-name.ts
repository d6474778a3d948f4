/**
 * The name a downloaded attachment gets: its title folded to safe ASCII (Polish letters kept as
 * their base letters, ł → l), with the extension of its detected type. The uploaded name is never
 * used, so no path, quote or control character can reach a header.
 */
export function fileNameFor(title: string, extension: string): string {
  const base = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${base || 'zalacznik'}.${extension.replace(/[^a-z0-9]/gi, '').slice(0, 5) || 'bin'}`;
}

/** `Content-Disposition` for a download: the ASCII name plus the title's UTF-8 form (RFC 6266 / 5987). */
export function contentDisposition(fileName: string): string {
  return `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
