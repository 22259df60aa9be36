// The one error the photo pipeline throws for a bad image, with a code the caller maps to HTTP.

export type ImageErrorCode =
  /** Damaged, truncated or not decodable: the caller answers 422 image_unreadable. */
  | 'image_unreadable'
  /** More pixels than the limit allows (a decompression bomb, say): the caller answers 413. */
  | 'image_too_large';

export class ImageError extends Error {
  constructor(
    readonly code: ImageErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ImageError';
  }
}
