namespace Boundaries.Geo.Synthesis;

internal static partial class LatticeInjector
{
    private sealed partial class Context
    {
        /// <summary>
        /// A 2×2 piece painted inside a township (the host) of one district, owned by a neighbouring district: when
        /// <paramref name="whole"/> is false, by a township of that district across the district border (a detached part
        /// of it); when true, by a new township of that district (the whole township lies in the other district). Either
        /// way the owner's district gets a detached part surrounded by the host's district.
        /// </summary>
        public LatticeInjection? DistrictPiece(string kind, bool whole)
        {
            var across = AcrossDistricts();
            foreach (var host in Hosts())
            {
                var owners = across[host].Where(t => !_used[t]).ToList();
                if (owners.Count == 0)
                {
                    continue;
                }
                var neighbour = owners[_rng.NextInt(owners.Count)];
                var owner = whole ? _plan.DistrictOfLabel.Count : neighbour;
                foreach (var (i, j) in Candidates(host))
                {
                    if (!Fits(host, owner, i, j, 2, Ring.HostOnly))
                    {
                        continue;
                    }
                    List<(int I, int J)> cells = [(i, j), (i + 1, j), (i, j + 1), (i + 1, j + 1)];
                    if (TryPaint(cells, owner, host, hostComps: 1, ownerGrows: !whole))
                    {
                        if (whole)
                        {
                            _plan.DistrictOfLabel.Add(_plan.DistrictOf(neighbour));
                            _plan.Centroids.Add((_l.CentreX(i), _l.CentreY(j)));
                            _used.Add(true);
                        }
                        _used[owner] = _used[host] = _used[neighbour] = true;
                        return new LatticeInjection(kind, owner, host, cells, (i, j));
                    }
                }
            }
            return null;
        }

        /// <summary>For each township, the townships of other districts it shares an edge with.</summary>
        private List<int>[] AcrossDistricts()
        {
            var across = new List<int>[_neighbours.Length];
            for (var k = 0; k < across.Length; k++)
            {
                across[k] = [];
            }
            foreach (var (a, b) in _l.Adjacency())
            {
                if (a >= 0 && b >= 0 && a < across.Length && b < across.Length && _plan.DistrictOf(a) != _plan.DistrictOf(b))
                {
                    across[a].Add(b);
                    across[b].Add(a);
                }
            }
            return across;
        }
    }
}
