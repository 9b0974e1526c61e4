// Hands a file to the browser's download (a real file on Android, the Files app on iOS).
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once click() returns; a minute is generous for slow phones.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
