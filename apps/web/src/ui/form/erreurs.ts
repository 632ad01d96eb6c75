import type { Problem } from "@achat-public/contracts";
import { ApiError } from "../../lib/api";

/** A refusal found in the browser before sending, shaped like the API's (400, INVALID_INPUT). */
export const invalidForm = (issues: Problem["issues"]): ApiError =>
  new ApiError(400, "INVALID_INPUT", "Le formulaire contient des erreurs.", issues);
