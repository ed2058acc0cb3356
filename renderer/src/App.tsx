import { useEffect } from 'react';
import { UiProvider, useUi } from './state/ui.tsx';
import { ProjectProvider, useProject } from './state/project.tsx';
import { useShortcuts } from './shell/useShortcuts.ts';
import { TopBar } from './shell/TopBar.tsx';
import { ViewRail } from './shell/ViewRail.tsx';
import { useCloseOverlayOnPick, usePanels } from './state/layout.ts';
import { DocumentList } from './features/documents/DocumentList.tsx';
import { Codebook } from './features/codes/Codebook.tsx';
import { RightPanel } from './shell/RightPanel.tsx';
import { Dialogs } from './shell/Dialogs.tsx';
import { StatusBar } from './shell/StatusBar.tsx';
import { TranscriptView } from './features/transcript/TranscriptView.tsx';
import { QuotesView } from './features/quotes/QuotesView.tsx';
import { DocumentsView } from './features/documents/DocumentsView.tsx';
import { ThemeBoard } from './features/themes/ThemeBoard.tsx';
import { MapView } from './features/map/MapView.tsx';
import { AnalysisView } from './features/analysis/AnalysisView.tsx';
import { HomeView } from './features/home/HomeView.tsx';
import { ReconcileView } from './features/reconcile/ReconcileView.tsx';
import { AnonymiseView } from './features/anonymise/AnonymiseView.tsx';

export function App() {
  return (
    <UiProvider>
      <ProjectProvider>
        <Workbench />
      </ProjectProvider>
    </UiProvider>
  );
}

function Workbench() {
  const { ui, patch } = useUi();
  const { documents, coders, error, ready } = useProject();
  const panels = usePanels(ui.view);
  useShortcuts();
  useCloseOverlayOnPick(ui.view, ui.documentId, ui.selectedCodeId);
  useEffect(() => {
    if (ui.documentId === null && documents.length) patch({ documentId: documents[0].id });
    // With no coder chosen in this browser yet, start as the first person who has coded (switchable in the top bar).
    if (!ui.coder && coders.length) patch({ coder: coders.find((c) => !c.isConsensus)?.name ?? null });
  }, [documents, coders, ui.documentId, ui.coder, patch]);

  if (error && !ready)
    return (
      <div className="fatal">
        <h1>Thematic</h1>
        <p>{error}</p>
      </div>
    );
  return (
    <div className="app" data-ready={ready ? 'true' : 'false'} data-view={ui.view}>
      <TopBar />
      <ViewRail />
      <div className={`workspace${panels.left ? ' has-left' : ''}${panels.right ? ' has-right' : ''}${panels.narrow ? ' narrow' : ''}`}>
        <aside className="sidebar" id="side-panel" aria-label="Documents and codebook" hidden={!panels.left}>
          <DocumentList />
          <Codebook />
        </aside>
        <main className="centre">
          <div className="view" hidden={ui.view !== 'transcript'}>
            <TranscriptView />
          </div>
          {ui.view === 'home' && (
            <div className="view">
              <HomeView />
            </div>
          )}
          {ui.view === 'quotes' && (
            <div className="view">
              <QuotesView />
            </div>
          )}
          {ui.view === 'documents' && (
            <div className="view">
              <DocumentsView />
            </div>
          )}
          {ui.view === 'analysis' && (
            <div className="view">
              <AnalysisView />
            </div>
          )}
          {ui.view === 'themes' && (
            <div className="view">
              <ThemeBoard />
            </div>
          )}
          {ui.view === 'map' && (
            <div className="view">
              <MapView />
            </div>
          )}
          {ui.view === 'reconcile' && (
            <div className="view">
              <ReconcileView />
            </div>
          )}
          {ui.view === 'anonymise' && (
            <div className="view">
              <AnonymiseView />
            </div>
          )}
        </main>
        {panels.right && <RightPanel />}
      </div>
      <StatusBar />
      <Dialogs />
    </div>
  );
}
