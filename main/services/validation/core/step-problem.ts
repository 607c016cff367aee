import type { AppError } from '../../../../shared/errors';

/** A failure with its report lines; thrown inside steps and turned into a failed step. */
export class StepProblem extends Error {
  readonly problem: AppError;
  readonly observed: string[];
  /** The HTTP status behind the problem, where one answer decided it. */
  readonly httpStatus: number | undefined;
  constructor(problem: AppError, observed: string[] = [], httpStatus?: number) {
    super(problem.message);
    this.problem = problem;
    this.observed = observed;
    this.httpStatus = httpStatus;
  }
}
