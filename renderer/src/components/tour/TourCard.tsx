import { useEffect, useRef } from 'react';
import { useStore } from '../../store/context';
import { TOUR_STEPS, TOUR_TEXT } from './tour-steps';
import './tour.css';

/**
 * The guided tour: a card over the corner of the reader, not a modal, so the article, the
 * palette and the side panel stay usable while it says what to do. Each step ticks itself off
 * when the researcher has done it (store/tour-slice.ts); Skip this step and End tour are always
 * there, and Help (the ? button, or the desktop's Help menu) opens the tour again.
 */
export function TourCard() {
  const tour = useStore((s) => s.tour);
  const show = useStore((s) => s.showTourStep);
  const end = useStore((s) => s.endTour);
  const heading = useRef<HTMLHeadingElement>(null);
  const step = tour?.step;
  // A new step is announced: the live region below says it, and the heading is where it starts.
  useEffect(() => {
    if (step !== undefined) heading.current?.scrollIntoView({ block: 'nearest' });
  }, [step]);
  if (!tour) return null;
  const finished = tour.step >= TOUR_STEPS.length;
  const current = TOUR_STEPS[tour.step];
  return (
    <section className="tour-card" aria-label="Guided tour">
      <p className="tour-progress">
        Guided tour · {tour.done.length} of {TOUR_STEPS.length} done
      </p>
      <div aria-live="polite">
        {finished || !current ? (
          <>
            <h2 ref={heading}>You have tagged, reviewed and exported</h2>
            <p>
              That is the whole loop. Open a folder of your own articles with File → Open Folder… (or{' '}
              <code>gloss serve &lt;folder&gt;</code>); press ? for every keyboard shortcut.
            </p>
          </>
        ) : (
          <>
            <h2 ref={heading}>
              {tour.step + 1}. {TOUR_TEXT[current].title}
            </h2>
            <p>{TOUR_TEXT[current].how}</p>
          </>
        )}
      </div>
      <ol className="tour-steps">
        {TOUR_STEPS.map((s, i) => (
          <li
            key={s}
            data-done={tour.done.includes(s) ? 'true' : undefined}
            aria-current={i === tour.step ? 'step' : undefined}
          >
            {tour.done.includes(s) ? <span aria-hidden="true">✓ </span> : null}
            {TOUR_TEXT[s].title}
            {tour.done.includes(s) && <span className="visually-hidden"> (done)</span>}
          </li>
        ))}
      </ol>
      <div className="tour-actions">
        {!finished && tour.step > 0 && (
          <button type="button" className="button" onClick={() => show(tour.step - 1)}>
            Back
          </button>
        )}
        {!finished && (
          <button type="button" className="button" onClick={() => show(tour.step + 1)}>
            Skip this step
          </button>
        )}
        <button type="button" className={finished ? 'button primary' : 'button'} onClick={end}>
          {finished ? 'Close' : 'End tour'}
        </button>
      </div>
    </section>
  );
}
