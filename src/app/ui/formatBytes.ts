// Sizes as people read them on a phone: "840 KB", "1.2 MB", "3.4 GB" (digits are the same in
// zh-CN; units stay Latin, as phones' own storage screens show them).
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(0, Math.round(bytes / 1024))} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}
