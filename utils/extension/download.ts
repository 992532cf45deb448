// Files the pages hand the user (the history's CSV, a hand-off bundle): made in the page and saved
// through the browser's own download, with no `downloads` permission.

/** A name a file can carry: `*` (a masked phone's) becomes x, what no file system takes (\ / : ? " < > | spaces) becomes _. */
export const fileSafe = (name: string): string => name.replaceAll('*', 'x').replace(/[\\/:?"<>|\s]+/g, '_');

/** Saves `content` as a file called `name` (the browser asks where, or uses its downloads folder). */
export function downloadText(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // Revoked later, not at once: the download reads the URL after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
