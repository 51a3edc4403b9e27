/** The directory file could not be used; the message names the file and every bad field. */
export class DirectoryError extends Error {
  override readonly name = 'DirectoryError';

  constructor(
    message: string,
    /** One line per problem: `file: path: message`. */
    readonly problems: readonly string[] = [message],
  ) {
    super(message);
  }
}
