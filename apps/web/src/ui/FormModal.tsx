import { DANGER } from "./colors";
import { Button, Group, Modal, NativeSelect, Stack, Switch, Text, TextInput } from "@mantine/core";
import { useEffect, useId, useState, type FormEvent } from "react";
import { ApiError } from "../lib/api";
import { ErrorAlert } from "./ErrorAlert";
import { ChampMotDePasse } from "./form/ChampMotDePasse";
import { estimerSolidite } from "./form/solidite";

export type FieldSpec =
  | {
      name: string;
      label: string;
      kind: "text" | "email" | "password";
      description?: string;
      required?: boolean;
      autoComplete?: string;
      /** For a new password: a strength hint under the field, updated while typing. */
      solidite?: boolean;
    }
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

/**
 * An accessible modal form: labelled fields, errors under each field and in a summary that names each problem
 * by its field's label (never the API's field name), once, with a link to the field; focus goes to the summary.
 */
export function FormModal({ title, opened, onClose, fields, initialValues, submitLabel, onSubmit, fieldsFor }: FormModalProps) {
  const formId = useId();
  const fieldId = (name: string) => `${formId}-${name}`;
  const [values, setValues] = useState<FormValues>(initialValues);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: initialValues is rebuilt by the parent on every render; reset only when the modal opens
  useEffect(() => {
    if (opened) {
      setValues(initialValues);
      setError(null);
    }
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
          <ErrorAlert error={error} labels={Object.fromEntries(shown.map((f) => [f.name, f.label]))} fieldId={fieldId} focus />
          {shown.map((field) => {
            const common = {
              id: fieldId(field.name),
              label: field.label,
              description: field.description,
              error: fieldError(field.name),
            };
            switch (field.kind) {
              case "switch":
                return (
                  <Switch
                    key={field.name}
                    {...common}
                    checked={values[field.name] === true}
                    onChange={(e) => set(field.name, e.currentTarget.checked)}
                  />
                );
              case "select":
                return (
                  <NativeSelect
                    key={field.name}
                    {...common}
                    required={field.required}
                    data={field.options}
                    value={String(values[field.name] ?? "")}
                    onChange={(e) => set(field.name, e.currentTarget.value)}
                  />
                );
              case "password":
                return (
                  <ChampMotDePasse
                    key={field.name}
                    {...common}
                    description={
                      field.solidite ? (
                        <>
                          {field.description ? `${field.description}. ` : ""}
                          {estimerSolidite(String(values[field.name] ?? "")).texte}
                        </>
                      ) : (
                        field.description
                      )
                    }
                    required={field.required}
                    autoComplete={field.autoComplete ?? "new-password"}
                    value={String(values[field.name] ?? "")}
                    onChange={(e) => set(field.name, e.currentTarget.value)}
                  />
                );
              default:
                return (
                  <TextInput
                    key={field.name}
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
