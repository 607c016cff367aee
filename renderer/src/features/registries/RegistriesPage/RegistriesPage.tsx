import { Alert, Box, Button, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconFileExport, IconPlus } from '@tabler/icons-react';
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RegistryScope, RegistrySummary } from '../../../../../shared/model/registry';
import type { ExportTarget } from '../../export/ExportDialog';
import { ImportDraftsButton, ImportDraftsDialog, useImportDrafts } from '../../export/ImportDrafts';
import { PaletteViewButton } from '../../palette/PaletteViewButton';
import { BulkActions } from '../BulkActions/BulkActions';
import { BulkDeleteDialog } from '../BulkActions/BulkDeleteDialog';
import { DeleteRegistryDialog } from '../DeleteRegistryDialog/DeleteRegistryDialog';
import { ListFilters } from '../ListFilters/ListFilters';
import type { RowAction } from '../RegistriesTable/RowActions';
import { RegistrySearch } from '../RegistrySearch/RegistrySearch';
import { StorageAlerts } from '../StorageAlerts/StorageAlerts';
import { needsValidation, NO_FILTERS } from '../list-view';
import { useListView } from '../use-list-view';
import { useRegistries } from '../use-registries';
import { useRegistryActions, type ActionFeedback } from '../use-registry-actions';
import { useRowValidations } from '../use-row-validations';
import { useSelection } from '../use-selection';
import { ScopePanel } from './ScopePanel';
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
  const searchField = useRef<HTMLInputElement>(null);
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
  const [bulkDeleting, setBulkDeleting] = useState<{ registries: RegistrySummary[]; opened: boolean }>({ registries: [], opened: false });
  const importDrafts = useImportDrafts(reload);
  useReadinessMarker(state.status !== 'loading');
  useListRenderedMark(state);

  const registries = state.status === 'loaded' ? state.registries : NO_REGISTRIES;
  const view = useListView(registries, scope, state.status === 'loaded' ? state.loadedAt : 0);
  const { selected, toggle, setMany, clear } = useSelection();
  // The ticked rows the list shows: a row the search or a filter hides is not acted on unseen.
  const ticked = useMemo(() => view.shown.filter((r) => selected.has(r.id)), [view.shown, selected]);
  const stale = useMemo(() => registries.filter(needsValidation), [registries]);
  const [saved, setSaved] = useState(justSaved);
  const savedRow = saved ? registries.find((r) => r.id === saved.id) : undefined;
  useSavedRowInView(saved?.id, view.shown, view.setPage);

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
          {/* The bulk actions sit beside the search and filters when the window is wide enough, under them when not. */}
          <Group gap="md" align="flex-end" justify="space-between" wrap="wrap">
            <Box role="search" aria-label="Registries">
              <Group gap="md" align="flex-end" wrap="wrap">
                <RegistrySearch inputRef={searchField} value={view.query} onChange={view.setQuery} />
                <ListFilters filters={view.filters} onChange={view.setFilters} />
              </Group>
            </Box>
            <BulkActions
              selectedCount={ticked.length}
              needingValidation={stale.length}
              batch={validations.batch}
              onValidateSelected={() => void validations.validateMany(ticked.map((r) => r.id))}
              onValidateNeeding={() => void validations.validateMany(stale.map((r) => r.id))}
              onExport={() =>
                setExporting({
                  target: { ids: ticked.map((r) => r.id), label: `${count.format(ticked.length)} selected registries` },
                  opened: true,
                })
              }
              onDelete={() => setBulkDeleting({ registries: ticked, opened: true })}
              onClear={clear}
            />
          </Group>
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
              view.setPage(1);
              // A selection belongs to the rows in sight: another scope's tab starts with none.
              clear();
            }}
            keepMounted={false}
          >
            <Tabs.List aria-label="Registry scope">
              {SCOPES.map((s) => (
                <Tabs.Tab key={s} value={s}>
                  {/* While a search or filter narrows the list, each tab counts its matches, so none are hidden unseen in the other tab. */}
                  {scopeTitle[s]} ({view.narrowed ? view.matchingByScope[s].length : view.totals[s]})
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {SCOPES.map((s) => (
              <Tabs.Panel key={s} value={s} pt="xs">
                <ScopePanel
                  scope={s}
                  view={view}
                  runs={validations.runs}
                  onAction={onAction}
                  onCancelValidation={validations.cancel}
                  selected={selected}
                  onSelect={toggle}
                  onSelectMany={setMany}
                  highlightId={saved?.id}
                  onShowAll={() => {
                    view.setQuery('');
                    view.setFilters(NO_FILTERS);
                  }}
                />
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
      <BulkDeleteDialog
        registries={bulkDeleting.registries}
        opened={bulkDeleting.opened}
        onConfirm={async (doomed) => {
          await actions.removeMany(doomed);
          clear();
        }}
        onClose={() => setBulkDeleting((current) => ({ ...current, opened: false }))}
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
