import { DANGER } from "./colors";
import { Button, Group, Modal, NativeSelect, PasswordInput, Stack, Switch, Text, TextInput } from "@mantine/core";
import { useEffect, useState, type FormEvent } from "react";
import { ApiError } from "../lib/api";
import { ErrorAlert } from "./ErrorAlert";

export type FieldSpec =
  | { name: string; label: string; kind: "text" | "email" | "password"; description?: string; required?: boolean; autoComplete?: string }
  | { name: string; label: string; kind: "select"; options: { value: string; label: string }[]; description?: string; required?: boolean }
  | { name: string; label: string; kind: "switch"; description?: string };

export type FormValues = Record<string, string | boolean>;

export interface FormModalProps {
  title: string;
  opened: boolean;
  onClose(): void;
  fields: FieldSpec[];
  initialValues: FormValues;
  submitLabel: string;
  /** Called with the values; a thrown ApiError is shown at the top and under each field. */
  onSubmit(values: FormValues): Promise<void>;
  /** Recomputes dependent options (e.g. services of the chosen direction). */
  fieldsFor?(values: FormValues): FieldSpec[];
}

/** An accessible modal form: labelled fields, errors under each field and in a summary announced on submit. */
export function FormModal({ title, opened, onClose, fields, initialValues, submitLabel, onSubmit, fieldsFor }: FormModalProps) {
  const [values, setValues] = useState<FormValues>(initialValues);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (opened) {
      setValues(initialValues);
      setError(null);
    }
    // initialValues is rebuilt by the parent on every render; reset only when the modal opens
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const set = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));
  const fieldError = (name: string) => (error instanceof ApiError ? error.fieldError(name) : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  const shown = fieldsFor ? fieldsFor(values) : fields;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      closeButtonProps={{ "aria-label": "Fermer" }}
      title={
        <Text fw={700} component="h2" size="lg" m={0}>
          {title}
        </Text>
      }
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={error} />
          {shown.map((field) => {
            const common = { key: field.name, label: field.label, description: field.description, error: fieldError(field.name) };
            switch (field.kind) {
              case "switch":
                return (
                  <Switch {...common} checked={values[field.name] === true} onChange={(e) => set(field.name, e.currentTarget.checked)} />
                );
              case "select":
                return (
                  <NativeSelect
                    {...common}
                    required={field.required}
                    data={field.options}
                    value={String(values[field.name] ?? "")}
                    onChange={(e) => set(field.name, e.currentTarget.value)}
                  />
                );
              case "password":
                return (
                  <PasswordInput
                    {...common}
                    required={field.required}
                    autoComplete={field.autoComplete ?? "new-password"}
                    value={String(values[field.name] ?? "")}
                    onChange={(e) => set(field.name, e.currentTarget.value)}
                  />
                );
              default:
                return (
                  <TextInput
                    {...common}
                    type={field.kind}
                    required={field.required}
                    autoComplete={field.autoComplete}
                    value={String(values[field.name] ?? "")}
                    onChange={(e) => set(field.name, e.currentTarget.value)}
                  />
                );
            }
          })}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export interface ConfirmModalProps {
  title: string;
  message: string;
  opened: boolean;
  confirmLabel: string;
  onClose(): void;
  onConfirm(): Promise<void>;
}

/** Confirmation of a destructive action; the refusal of the server (e.g. 409) is shown inside. */
export function ConfirmModal({ title, message, opened, confirmLabel, onClose, onConfirm }: ConfirmModalProps) {
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (opened) setError(null);
  }, [opened]);
  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      closeButtonProps={{ "aria-label": "Fermer" }}
      title={
        <Text fw={700} component="h2" size="lg" m={0}>
          {title}
        </Text>
      }
    >
      <Stack>
        <ErrorAlert error={error} title="Action refusée" />
        <Text>{message}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Annuler
          </Button>
          <Button color={DANGER} onClick={confirm} loading={pending}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
