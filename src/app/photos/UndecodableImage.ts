// The one failure of compression the member can act on: the file is not a picture we can read.
export class UndecodableImage extends Error {
  constructor() {
    super('not a decodable image');
    this.name = 'UndecodableImage';
  }
}
