// The compression worker: one file in, the stored bytes and a thumbnail out (transferred, not
// copied). Decoding a 12 MP photo takes a few hundred ms; here it never blocks the form.
import { compressImage, encodeWithOffscreenCanvas, type CompressedPhoto } from './compressCore';
import { UndecodableImage } from './UndecodableImage';

export type CompressRequest = { id: number; file: Blob };
export type CompressReply =
  | { id: number; ok: true; photo: CompressedPhoto }
  | { id: number; ok: false; undecodable: boolean; message: string };

const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<CompressRequest>) => void): void;
  postMessage(message: CompressReply, transfer: Transferable[]): void;
};

scope.addEventListener('message', (event) => {
  const { id, file } = event.data;
  compressImage(file, encodeWithOffscreenCanvas).then(
    (photo) => scope.postMessage({ id, ok: true, photo }, [photo.bytes, photo.thumb]),
    (error: unknown) =>
      scope.postMessage(
        { id, ok: false, undecodable: error instanceof UndecodableImage, message: error instanceof Error ? error.message : String(error) },
        [],
      ),
  );
});
