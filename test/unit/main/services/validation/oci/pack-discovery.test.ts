import { describe, expect, it } from 'vitest';
import { archiveRepository, packsUnder, sortVersions } from '../../../../../../main/services/validation/oci/pack-discovery';

describe('pack layout', () => {
  it('puts packs at <base>/spectro-packs/archive', () => {
    expect(archiveRepository('')).toBe('spectro-packs/archive');
    expect(archiveRepository('/production/')).toBe('production/spectro-packs/archive');
    expect(archiveRepository(' team/a ')).toBe('team/a/spectro-packs/archive');
  });

  it('finds packs under the archive and suggests other base paths that hold packs', () => {
    const repositories = [
      'prod/spectro-packs/archive/cni-calico',
      'prod/spectro-packs/archive/csi-aws',
      'prod/spectro-packs/archive',
      'spectro-packs/archive/ubuntu',
      'unrelated/app',
    ];
    expect(packsUnder(repositories, 'prod/spectro-packs/archive')).toEqual({ packs: ['cni-calico', 'csi-aws'], otherBases: [''] });
    expect(packsUnder(repositories, 'staging/spectro-packs/archive')).toEqual({ packs: [], otherBases: ['prod', ''] });
  });

  it('orders versions newest first, numerically', () => {
    expect(sortVersions(['1.9.2', '1.10.0', 'v1.10.1', '1.2.0-rc1', '1.2.0', 'latest'])).toEqual([
      'v1.10.1',
      '1.10.0',
      '1.9.2',
      '1.2.0',
      '1.2.0-rc1',
      'latest',
    ]);
  });
});
