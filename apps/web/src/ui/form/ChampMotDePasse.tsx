import { PasswordInput, type PasswordInputProps } from "@mantine/core";

/**
 * Mantine's PasswordInput without its accessibility gap: the library does not link its input to the
 * description and error message (no `aria-describedby`, no `aria-invalid`), so a screen reader would not
 * read why a password is refused. The ids are the ones the input wrapper gives them.
 */
export function ChampMotDePasse(props: PasswordInputProps & { id: string }) {
  const { id, description, error } = props;
  const describedBy = [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return <PasswordInput {...props} aria-invalid={error ? true : undefined} aria-describedby={describedBy || undefined} />;
}
