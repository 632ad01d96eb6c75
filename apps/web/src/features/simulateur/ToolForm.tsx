/**
 * The frame shared by the simulator's tools: a form (error summary at the top, fields, submit button) and
 * the section where its result appears (focus moves to its heading on each new result).
 */
import { Button, Group, Radio, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { isKeyOf, NATURE_LABELS, optionsOf, type Nature } from "./labels";
import { ResultSection } from "./ResultParts";

export interface ToolFormProps {
  /** Accessible name of the form. */
  label: string;
  /** The error to summarise above the fields (already `summarize`d). */
  error: unknown;
  errorTitle: string;
  submitLabel: string;
  pending: boolean;
  onSubmit(): void;
  resultTitle: string;
  /** The answer (its identity moves focus to the result heading when it changes). */
  data: unknown;
  result: ReactNode | null;
  children: ReactNode;
}

export function ToolForm({ label, error, errorTitle, submitLabel, pending, onSubmit, resultTitle, data, result, children }: ToolFormProps) {
  return (
    <Stack gap="xl">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
        noValidate
        aria-label={label}
      >
        <Stack gap="md">
          <ErrorAlert error={error} title={errorTitle} />
          {children}
          <Group>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
      <ResultSection title={resultTitle} result={data}>
        {result}
      </ResultSection>
    </Stack>
  );
}

const natureOptions = optionsOf(NATURE_LABELS);

/** "Nature du marché": works, supplies or services, as radio buttons. */
export function NatureField({ value, onChange, error }: { value: string; onChange(nature: Nature): void; error: string | undefined }) {
  return (
    <Radio.Group
      label="Nature du marché"
      required
      value={value}
      onChange={(next) => {
        if (isKeyOf(NATURE_LABELS, next)) onChange(next);
      }}
      error={error}
    >
      <Group mt="xs">
        {natureOptions.map((option) => (
          <Radio key={option.value} value={option.value} label={option.label} />
        ))}
      </Group>
    </Radio.Group>
  );
}
