import { Box, Code, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import classes from './FilePreview.module.css';

interface Props {
  /** "Preview of regdesk-export.json": names the scrolling region for screen readers too. */
  label: string;
  content: string;
  testId: string;
  /** On a 640-pixel-high window a dialog must still fit its choices, the preview and Save. */
  maxHeight?: string | undefined;
}

/** A file exactly as it will be saved, in a focusable region that scrolls both ways. */
export function FilePreview({ label, content, testId, maxHeight = 'min(320px, 30vh)' }: Props) {
  const labelId = useId();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={labelId}>
        {label}
      </Text>
      <Box className={classes.preview} style={{ '--preview-max-height': maxHeight }} role="region" aria-labelledby={labelId} tabIndex={0}>
        <Code block className={classes.code} data-testid={testId}>
          {content}
        </Code>
      </Box>
    </Stack>
  );
}
