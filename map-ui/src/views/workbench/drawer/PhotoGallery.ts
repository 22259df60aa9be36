// The case's photos grouped before / after / recheck, as thumbnails that open the zoomable viewer.
import type { CasePhoto } from '../../../api-types';
import { h } from '../../../dom';
import { t, type MessageKey } from '../../../i18n/i18n';
import { Lightbox, type LightboxPhoto } from './Lightbox';

const STAGES = ['before', 'after', 'recheck'] as const;

/** The label of a photo stage; unknown stages keep their own name. */
export function stageLabel(stage: string): string {
  return (STAGES as readonly string[]).includes(stage) ? t(`drawer.stage.${stage}` as MessageKey) : stage;
}

/**
 * A row of thumbnail buttons; each opens the viewer on its photo. The viewer then moves through
 * `viewer` (by default these photos), from `offset` on: the case gallery passes all its photos,
 * so arrows go from an after-photo back to the before-photo it answers.
 */
export function thumbnails(
  photos: readonly { thumb: string; photo: LightboxPhoto }[],
  className = 'xc-thumbs',
  viewer: readonly LightboxPhoto[] = photos.map((p) => p.photo),
  offset = 0,
): HTMLElement {
  return h(
    'ul',
    { class: className },
    photos.map((p, i) => {
      const label = t('drawer.photos.open', { stage: p.photo.stage, n: i + 1, total: photos.length });
      const button = h('button', { class: 'xc-thumb', attrs: { type: 'button', 'aria-label': label, title: label } }, [
        h('img', { attrs: { src: p.thumb, alt: p.photo.alt, loading: 'lazy', width: '96', height: '96' } }),
      ]);
      button.addEventListener('click', () => new Lightbox(viewer, offset + i).open());
      return h('li', {}, [button]);
    }),
  );
}

/** The gallery section: one group per stage that has photos, in the order of the loop. */
export function photoGallery(photos: readonly CasePhoto[], code: string): HTMLElement {
  const section = h('section', { class: 'xc-drawer-section', attrs: { 'aria-label': t('drawer.photos.title') } }, [
    h('h3', { text: t('drawer.photos.title') }),
  ]);
  if (photos.length === 0) section.append(h('p', { class: 'xc-muted', text: t('drawer.photos.none') }));
  const known = STAGES as readonly string[];
  const stages = [...STAGES, ...new Set(photos.map((p) => p.stage).filter((s) => !known.includes(s)))];
  const groups = stages
    .map((stage) => ({ stage, label: stageLabel(stage), photos: photos.filter((p) => p.stage === stage) }))
    .filter((g) => g.photos.length > 0)
    .map((g) => ({
      ...g,
      items: g.photos.map((p, i) => ({
        thumb: p.urls.thumb,
        photo: { display: p.urls.display, original: p.urls.original, stage: g.label, alt: `${code} ${g.label} ${i + 1}` },
      })),
    }));
  const viewer = groups.flatMap((g) => g.items.map((item) => item.photo));
  let offset = 0;
  for (const g of groups) {
    section.append(
      h('div', { class: 'xc-photo-group', attrs: { 'data-stage': g.stage } }, [
        h('h4', { text: `${g.label} (${g.items.length})` }),
        thumbnails(g.items, 'xc-thumbs', viewer, offset),
      ]),
    );
    offset += g.items.length;
  }
  return section;
}
