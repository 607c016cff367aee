import type { AppError } from './errors';

/**
 * An Error that carries an AppError whole: main throws it to the IPC boundary, where it becomes
 * plain data (Errors thrown across contextBridge lose every field but the message), and a caller
 * on the other side can throw the data again as one. A module of its own, so the window can use
 * it without loading the error catalog's text.
 */
export class AppErrorException extends Error {
  readonly appError: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.name = 'AppErrorException';
    this.appError = error;
  }
}
