import { Alert, Box, Button, EmptyState, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconFileExport, IconPackages, IconPlus, IconSearch } from '@tabler/icons-react';
import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RegistryScope, RegistrySummary } from '../../../../../shared/model/registry';
import type { ExportTarget } from '../../export/ExportDialog';
import { ImportDraftsButton, ImportDraftsDialog, useImportDrafts } from '../../export/ImportDrafts';
import { PaletteViewButton } from '../../palette/PaletteViewButton';
import { DeleteRegistryDialog } from '../DeleteRegistryDialog/DeleteRegistryDialog';
import { RegistriesTable } from '../RegistriesTable/RegistriesTable';
import type { RowAction } from '../RegistriesTable/RowActions';
import { RegistrySearch } from '../RegistrySearch/RegistrySearch';
import { StorageAlerts } from '../StorageAlerts/StorageAlerts';
import { filterRegistries, normalizeQuery, searchIndex } from '../registry-search';
import { useRegistries } from '../use-registries';
import { useRegistryActions, type ActionFeedback } from '../use-registry-actions';
import { useRowValidations } from '../use-row-validations';
import { PAGE_SIZE } from '../RegistriesTable/RegistriesTable';
import { SavedNotice } from '../../wizard/AddRegistryWizard/SavedNotice';
import type { SavedRegistry } from '../../wizard/AddRegistryWizard/save-registry';

// Loaded on first use, so the list's first screen does not wait for dialogs nobody opened yet.
const ExportDialog = lazy(() => import('../../export/ExportDialog').then((m) => ({ default: m.ExportDialog })));
// The Palette view and its sign-in load when first opened, as the export and publish dialogs do.
const PaletteViewDialog = lazy(() => import('../../palette/PaletteView').then((m) => ({ default: m.PaletteViewDialog })));
const PublishDialog = lazy(() => import('../../export/PublishDialog').then((m) => ({ default: m.PublishDialog })));

const SCOPES = ['system', 'tenant'] as const;
const scopeTitle: Record<RegistryScope, string> = { system: 'System', tenant: 'Tenant' };
const scopeHelp: Record<RegistryScope, string> = {
  system: 'System registries are added in the system console and are available to every tenant.',
  tenant: 'Tenant registries are added in Tenant Settings and are visible to one tenant only.',
};
const NO_REGISTRIES: RegistrySummary[] = [];
const count = new Intl.NumberFormat();

type TakenNames = ReadonlyMap<RegistryScope, ReadonlySet<string>>;

interface Props {
  /** The scope tab to open on, e.g. the one a registry was just added to. */
  initialScope?: RegistryScope;
  /** The registry the wizard just saved: announced, its page opened and its row highlighted. */
  justSaved?: SavedRegistry | undefined;
  onAdd: (scope: RegistryScope, takenNames: TakenNames) => void;
  /** Opens the wizard on a stored registry; `takenNames` leaves out the registry's own name. */
  onEdit: (id: string, scope: RegistryScope, takenNames: TakenNames) => void;
}

export function RegistriesPage({ initialScope = 'system', justSaved, onAdd, onEdit }: Props) {
  const { state, reload } = useRegistries();
  const [scope, setScope] = useState<RegistryScope>(initialScope);
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const searchField = useRef<HTMLInputElement>(null);
  // The keystroke shows in the field at once; the filtered table follows in a render that typing can interrupt.
  const deferredQuery = useDeferredValue(query);
  const validations = useRowValidations(reload);
  const actions = useRegistryActions(reload);
  const [deleting, setDeleting] = useState<{ registry: RegistrySummary | undefined; opened: boolean }>({
    registry: undefined,
    opened: false,
  });
  const [viewingPalette, setViewingPalette] = useState(false);
  const [exporting, setExporting] = useState<{ target: ExportTarget | undefined; opened: boolean }>({ target: undefined, opened: false });
  const [publishing, setPublishing] = useState<{ registry: RegistrySummary | undefined; opened: boolean }>({
    registry: undefined,
    opened: false,
  });
  const importDrafts = useImportDrafts(reload);
  useReadinessMarker(state.status !== 'loading');
  useListRenderedMark(state);

  const registries = state.status === 'loaded' ? state.registries : NO_REGISTRIES;
  const indexByScope = useMemo(
    () => ({
      system: searchIndex(registries.filter((r) => r.scope === 'system')),
      tenant: searchIndex(registries.filter((r) => r.scope === 'tenant')),
    }),
    [registries],
  );
  const shown = useMemo(() => filterRegistries(indexByScope[scope], deferredQuery), [indexByScope, scope, deferredQuery]);
  const [saved, setSaved] = useState(justSaved);
  const savedRow = saved ? registries.find((r) => r.id === saved.id) : undefined;
  useSavedRowInView(saved?.id, shown, setPage);

  const { validate } = validations;
  const { duplicate } = actions;
  const onAction = useCallback(
    (action: RowAction, registry: RegistrySummary) => {
      if (action === 'validate') void validate(registry.id);
      else if (action === 'duplicate') void duplicate(registry);
      else if (action === 'delete') setDeleting({ registry, opened: true });
      else if (action === 'export') setExporting({ target: { ids: [registry.id], label: `“${registry.name}”` }, opened: true });
      else if (action === 'publish') setPublishing({ registry, opened: true });
      else onEdit(registry.id, registry.scope, takenNames(registries, registry.id));
    },
    [validate, duplicate, onEdit, registries],
  );

  return (
    <Stack gap="md" maw={1200}>
      {/* The title and the actions share one row and the description goes under them: at 1024×640 a row of the list is on the first screen. */}
      <Stack gap={4}>
        <Group justify="space-between" align="center" gap="sm">
          <Title order={2} size="h3">
            Pack Registries
          </Title>
          <Group gap="xs">
            <ImportDraftsButton state={importDrafts} disabled={state.status !== 'loaded'} />
            <PaletteViewButton disabled={state.status !== 'loaded'} onOpen={() => setViewingPalette(true)} />
            <Button
              variant="default"
              leftSection={<IconFileExport size={16} aria-hidden />}
              disabled={registries.length === 0}
              onClick={() =>
                setExporting({
                  target: { ids: registries.map((r) => r.id), label: `all ${count.format(registries.length)} registries` },
                  opened: true,
                })
              }
            >
              Export all…
            </Button>
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              disabled={state.status !== 'loaded'}
              onClick={() => state.status === 'loaded' && onAdd(scope, takenNames(state.registries))}
            >
              Add New Pack Registry
            </Button>
          </Group>
        </Group>
        <Text c="dimmed" size="sm">
          OCI pack registries for Palette, with Basic or AWS ECR authentication.
        </Text>
      </Stack>

      <StorageAlerts />
      {state.status === 'loading' && <Loader aria-label="Loading registries" />}
      {state.status === 'failed' && (
        <Alert color="red" title="The registries could not be loaded" role="alert">
          <Text size="sm">{state.error.message}</Text>
          {state.error.remedy && <Text size="sm">{state.error.remedy}</Text>}
        </Alert>
      )}
      {state.status === 'loaded' && (
        <>
          <Box role="search" aria-label="Registries">
            <RegistrySearch
              inputRef={searchField}
              value={query}
              onChange={(value) => {
                setQuery(value);
                setPage(1);
              }}
            />
          </Box>
          {saved && (
            <SavedNotice
              saved={saved}
              onPublish={savedRow && (() => setPublishing({ registry: savedRow, opened: true }))}
              onClose={() => setSaved(undefined)}
            />
          )}
          <FeedbackAlert feedback={actions.feedback} onClose={actions.dismiss} />
          {/* Only the open tab is mounted: the other scope's rows would double the work for nothing. */}
          <Tabs
            value={scope}
            onChange={(value) => {
              if (!value) return;
              setScope(value as RegistryScope);
              setPage(1);
            }}
            keepMounted={false}
          >
            <Tabs.List aria-label="Registry scope">
              {SCOPES.map((s) => (
                <Tabs.Tab key={s} value={s}>
                  {/* Totals, whatever the search: the count says what the scope holds. */}
                  {scopeTitle[s]} ({indexByScope[s].length})
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {SCOPES.map((s) => (
              <Tabs.Panel key={s} value={s} pt="xs">
                <Text size="sm" c="dimmed" mb="xs">
                  {scopeHelp[s]}
                </Text>
                {indexByScope[s].length === 0 ? (
                  <EmptyState
                    py="xl"
                    icon={<IconPackages size={32} aria-hidden />}
                    withIndicatorBackground
                    title={`No ${s} pack registries yet`}
                    description="Add an OCI registry with Basic or AWS ECR authentication, validate it from this workstation, then export it for Palette."
                  />
                ) : shown.length === 0 ? (
                  <EmptyState
                    py="xl"
                    icon={<IconSearch size={32} aria-hidden />}
                    withIndicatorBackground
                    title={`No ${s} registries match “${deferredQuery.trim()}”`}
                  >
                    <EmptyState.Description>Search looks at names, endpoints and base content paths, ignoring case.</EmptyState.Description>
                    <EmptyState.Actions>
                      <Button
                        variant="default"
                        onClick={() => {
                          setQuery('');
                          setPage(1);
                        }}
                      >
                        Clear search
                      </Button>
                    </EmptyState.Actions>
                  </EmptyState>
                ) : (
                  <>
                    {normalizeQuery(deferredQuery) !== '' && (
                      <Text size="sm" mb="xs" role="status">
                        {count.format(shown.length)} of {count.format(indexByScope[s].length)} {s} registries match
                      </Text>
                    )}
                    <RegistriesTable
                      registries={shown}
                      caption={`${scopeTitle[s]} pack registries`}
                      page={page}
                      onPageChange={setPage}
                      runs={validations.runs}
                      highlightId={saved?.id}
                      onAction={onAction}
                      onCancelValidation={validations.cancel}
                    />
                  </>
                )}
              </Tabs.Panel>
            ))}
          </Tabs>
        </>
      )}
      <DeleteRegistryDialog
        registry={deleting.registry}
        opened={deleting.opened}
        onConfirm={actions.remove}
        onClose={() => setDeleting((current) => ({ ...current, opened: false }))}
        focusAfterDelete={searchField}
      />
      <Suspense fallback={null}>
        {exporting.target && (
          <ExportDialog
            target={exporting.target}
            opened={exporting.opened}
            onClose={() => setExporting((current) => ({ ...current, opened: false }))}
          />
        )}
        {publishing.registry && (
          <PublishDialog
            registry={publishing.registry}
            opened={publishing.opened}
            onClose={() => setPublishing((current) => ({ ...current, opened: false }))}
          />
        )}
        {viewingPalette && <PaletteViewDialog onClose={() => setViewingPalette(false)} />}
      </Suspense>
      <ImportDraftsDialog state={importDrafts} />
    </Stack>
  );
}

function FeedbackAlert({ feedback, onClose }: { feedback: ActionFeedback | null; onClose: () => void }) {
  if (!feedback) return null;
  const problem = feedback.kind === 'problem';
  return (
    <Alert
      color={problem ? 'red' : 'green'}
      variant="light"
      role={problem ? 'alert' : 'status'}
      title={feedback.message}
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onClose}
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
    >
      {problem ? feedback.remedy : feedback.detail}
    </Alert>
  );
}

/** Lower-cased names per scope: Palette and the store treat names as unique within a scope. */
function takenNames(registries: readonly RegistrySummary[], exceptId?: string): Map<RegistryScope, Set<string>> {
  const names = new Map<RegistryScope, Set<string>>([
    ['system', new Set()],
    ['tenant', new Set()],
  ]);
  for (const r of registries) if (r.id !== exceptId) names.get(r.scope)?.add(r.name.trim().toLowerCase());
  return names;
}

/** Opens the page that holds the just-saved row, once, and scrolls the row into view. */
function useSavedRowInView(id: string | undefined, shown: readonly RegistrySummary[], setPage: (page: number) => void) {
  const placed = useRef(false);
  useEffect(() => {
    if (!id || placed.current) return;
    const index = shown.findIndex((r) => r.id === id);
    if (index < 0) return;
    placed.current = true;
    setPage(Math.floor(index / PAGE_SIZE) + 1);
  }, [id, shown, setPage]);
  const scrolled = useRef(false);
  useEffect(() => {
    if (!id || !placed.current || scrolled.current) return;
    const row = document.querySelector('tr[aria-current="true"]');
    if (!row) return;
    scrolled.current = true;
    row.scrollIntoView({ block: 'center' });
  });
}

/** Tests wait on this attribute rather than on timers. */
/**
 * `regdesk:list-rendered` once the rows of newly arrived data are in the DOM (a layout effect of
 * the page runs after its table's commit, before paint). With `regdesk:list-data`, set when the
 * data arrives (use-registries), it times the list's drawing for `npm run bench`.
 */
function useListRenderedMark(state: { status: string }) {
  useLayoutEffect(() => {
    if (state.status === 'loaded') performance.mark('regdesk:list-rendered');
  }, [state]);
}

function useReadinessMarker(ready: boolean) {
  useEffect(() => {
    if (ready) document.documentElement.dataset['regdeskReady'] = 'true';
  }, [ready]);
}
