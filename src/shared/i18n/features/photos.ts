// The photos feature's words, in both languages side by side; the Record type keeps the two key
// sets equal. Importing this module registers them (see ../catalogues.ts).
import { registerWords } from '../catalogues';

export const photosEn = {
  'photos.add': 'Add photo',
  'photos.remove': 'Remove photo {n}',
  'photos.thumbAlt': 'Photo {n}',
  'photos.tooMany': 'At most {max} photos.',
  'photos.undecodable': '{name} is not a photo this phone can read. It was left out; the rest is kept.',
} as const;

export const photosZhCN: Record<keyof typeof photosEn, string> = {
  'photos.add': '添加照片',
  'photos.remove': '删除照片 {n}',
  'photos.thumbAlt': '照片 {n}',
  'photos.tooMany': '最多 {max} 张照片。',
  'photos.undecodable': '{name} 无法读取，不是有效照片，已略去；其余内容保留。',
};

registerWords(photosEn, photosZhCN);
