import { withUserErrors } from '../common/user-errors';
import { UploadProblem } from '../../services/upload/upload-problem';
import type { UploadDoc } from '../../models/asset/upload.model';
import { mapUpload } from './upload.mapper';
import type { UploadPayload } from './upload.type';

/**
 * Runs an upload mutation: expected failures (validation, refusals with an
 * UPLOAD_* code) become `userErrors`; a rejection found on completion returns
 * the (REJECTED) upload together with its userError.
 */
export async function uploadPayload(
  run: () => Promise<{ upload: UploadDoc; problem?: UploadProblem | null }>,
): Promise<UploadPayload> {
  try {
    return await withUserErrors(run, (value, errors) => ({
      upload: value ? mapUpload(value.upload) : null,
      userErrors: [
        ...errors,
        ...(value?.problem
          ? [
              {
                field: value.problem.field,
                code: value.problem.code,
                message: value.problem.message,
              },
            ]
          : []),
      ],
    }));
  } catch (err) {
    if (err instanceof UploadProblem)
      return {
        upload: null,
        userErrors: [{ field: err.field, code: err.code, message: err.message }],
      };
    throw err;
  }
}
