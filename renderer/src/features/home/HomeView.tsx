import { ProjectCard, SampleCard } from './ProjectCard.tsx';
import { PhaseTracker } from './PhaseTracker.tsx';
import { ExchangeCard } from '../refi/ExchangeCard.tsx';
import { BackupsCard } from './BackupsCard.tsx';

/** Project home: which project is open, recent ones, the sample study, and where the analysis stands. */
export function HomeView() {
  return (
    <div className="home-view">
      <div className="home-col">
        <ProjectCard />
        <SampleCard />
        <ExchangeCard />
        <BackupsCard />
      </div>
      <div className="home-col wide">
        <PhaseTracker />
      </div>
    </div>
  );
}
