// Scans QR codes from the rear camera until one is read or the member stops. Every failure
// (no camera, permission refused) is a state the screen shows; manual entry stays available.
import { useEffect, useRef, useState } from 'preact/hooks';
import { decodeFrame, nativeDetector, stopDecoder } from './decodeQr';

export type CameraState = 'idle' | 'scanning' | 'unavailable' | 'denied';

const FRAME_INTERVAL_MS = 250;

export function useCameraScan(onCode: (code: string) => void) {
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>('idle');
  const handler = useRef(onCode);
  handler.current = onCode;

  useEffect(() => {
    if (state !== 'scanning') return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const canvas = document.createElement('canvas');
    const detector = nativeDetector();
    const tick = async () => {
      const element = video.current;
      if (!live || !element || element.readyState < 2) return void (timer = setTimeout(tick, FRAME_INTERVAL_MS));
      let code: string | null;
      if (detector) {
        code = (await detector.detect(element).catch(() => []))[0]?.rawValue ?? null;
      } else {
        canvas.width = element.videoWidth;
        canvas.height = element.videoHeight;
        const context = canvas.getContext('2d', { willReadFrequently: true })!;
        context.drawImage(element, 0, 0);
        const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
        code = await decodeFrame({ data, width, height });
      }
      if (!live) return;
      if (code) {
        setState('idle');
        handler.current(code);
      } else timer = setTimeout(tick, FRAME_INTERVAL_MS);
    };
    navigator.mediaDevices
      ?.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then((media) => {
        stream = media;
        if (!live || !video.current) return;
        video.current.srcObject = media;
        void video.current.play();
        void tick();
      })
      .catch((error: unknown) => live && setState(error instanceof DOMException && error.name === 'NotAllowedError' ? 'denied' : 'unavailable'));
    if (!navigator.mediaDevices) setState('unavailable');
    return () => {
      live = false;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
      stopDecoder();
    };
  }, [state]);

  return { video, state, start: () => setState('scanning'), stop: () => setState('idle') };
}
