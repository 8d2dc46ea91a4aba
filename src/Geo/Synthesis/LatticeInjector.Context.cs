namespace Boundaries.Geo.Synthesis;

internal static partial class LatticeInjector
{
    /// <summary>The lattice being painted, which labels are taken, and where to look.</summary>
    private sealed partial class Context
    {
        private const int TriesPerHost = 80;
        private readonly Lattice _l;
        private readonly DistrictPlan _plan;
        private readonly Rng _rng;
        private readonly List<bool> _used;
        private readonly List<int>[] _neighbours;
        private readonly List<(int I, int J)>[] _cells;

        public Context(Lattice l, DistrictPlan plan, Rng rng)
        {
            _l = l;
            _plan = plan;
            _rng = rng;
            var n = plan.DistrictOfLabel.Count;
            _used = [.. Enumerable.Repeat(false, n)];
            _neighbours = new List<int>[n];
            _cells = new List<(int, int)>[n];
            for (var k = 0; k < n; k++)
            {
                _neighbours[k] = [];
                _cells[k] = [];
            }
            foreach (var (a, b) in l.Adjacency())
            {
                if (a >= 0 && plan.DistrictOf(a) == plan.DistrictOf(b))
                {
                    _neighbours[a].Add(b);
                    _neighbours[b].Add(a);
                }
            }
            for (var c = 0; c < l.Labels.Length; c++)
            {
                if (l.Labels[c] >= 0)
                {
                    _cells[l.Labels[c]].Add((c % l.Nx, c / l.Nx));
                }
            }
        }

        public LatticeInjection? Square(string kind, int size, Ring ring)
        {
            var surrounded = kind == DefectClasses.SurroundedDivision;
            var counter = kind == DefectClasses.CounterEnclave;
            foreach (var host in Hosts())
            {
                var owners = _neighbours[host].Where(t => !_used[t]).ToList();
                if (owners.Count == 0 && !surrounded)
                {
                    continue;
                }
                var owner = surrounded ? _plan.DistrictOfLabel.Count : owners[_rng.NextInt(owners.Count)];
                foreach (var (i, j) in Candidates(host))
                {
                    if (!Fits(host, owner, i, j, size, ring))
                    {
                        continue;
                    }
                    var cells = new List<(int I, int J)>();
                    for (var dj = 0; dj < size; dj++)
                    {
                        for (var di = 0; di < size; di++)
                        {
                            cells.Add((i + di, j + dj));
                        }
                    }
                    var focus = (i + size / 2, j + size / 2);
                    if (counter)
                    {
                        cells.Remove(focus);
                    }
                    if (TryPaint(cells, owner, host, hostComps: counter ? 2 : 1, ownerGrows: !surrounded))
                    {
                        if (surrounded)
                        {
                            _plan.DistrictOfLabel.Add(_plan.DistrictOf(host));
                            _plan.Centroids.Add((_l.CentreX(focus.Item1), _l.CentreY(focus.Item2)));
                            _used.Add(true);
                        }
                        _used[owner] = _used[host] = true;
                        return new LatticeInjection(kind, owner, host, cells, counter ? focus : cells[0]);
                    }
                }
            }
            return null;
        }

        public LatticeInjection? Neck()
        {
            foreach (var host in Hosts())
            {
                foreach (var (i, j) in Candidates(host))
                {
                    var owner = _l[i - 1, j];
                    if (owner < 0 || _used[owner] || !_neighbours[host].Contains(owner) || !AllHost(host, i, i + 6, j - 2, j + 2))
                    {
                        continue;
                    }
                    List<(int I, int J)> cells = [(i, j), (i + 1, j), (i + 2, j)];
                    for (var dj = -1; dj <= 1; dj++)
                    {
                        for (var di = 3; di <= 5; di++)
                        {
                            cells.Add((i + di, j + dj));
                        }
                    }
                    if (TryPaint(cells, owner, host, hostComps: 1, ownerGrows: false))
                    {
                        _used[owner] = _used[host] = true;
                        return new LatticeInjection(DefectClasses.PracticalEnclaveNeck, owner, host, cells, (i + 4, j))
                        {
                            Neck = (_l.X0 + (i + 1) * _l.S, _l.X0 + (i + 2) * _l.S, _l.CentreY(j)),
                        };
                    }
                }
            }
            return null;
        }

        private List<int> Hosts()
        {
            var hosts = Enumerable.Range(0, _neighbours.Length).Where(h => !_used[h]).ToList();
            _rng.Shuffle(hosts);
            return hosts;
        }

        private IEnumerable<(int I, int J)> Candidates(int host)
        {
            var cells = _cells[host].ToList();
            _rng.Shuffle(cells);
            return cells.Take(TriesPerHost);
        }

        private bool AllHost(int host, int i0, int i1, int j0, int j1)
        {
            for (var j = j0; j <= j1; j++)
            {
                for (var i = i0; i <= i1; i++)
                {
                    if (_l[i, j] != host)
                    {
                        return false;
                    }
                }
            }
            return true;
        }

        private bool Fits(int host, int owner, int i, int j, int size, Ring ring)
        {
            if (!AllHost(host, i, i + size - 1, j, j + size - 1))
            {
                return false;
            }
            var other = 0;
            for (var jj = j - 1; jj <= j + size; jj++)
            {
                for (var ii = i - 1; ii <= i + size; ii++)
                {
                    var a = _l[ii, jj];
                    if (a == host)
                    {
                        continue;
                    }
                    var ok = ring switch
                    {
                        Ring.OtherDistrict => a >= 0 && _plan.DistrictOf(a) != _plan.DistrictOf(host),
                        Ring.OtherTownship => a >= 0 && a != owner,
                        Ring.Outside => a < 0,
                        _ => false,
                    };
                    if (!ok)
                    {
                        return false;
                    }
                    other++;
                }
            }
            return ring == Ring.HostOnly || other > 0;
        }

        /// <summary>Paints, then undoes the painting unless the lattice is still pinch-free and split as intended.</summary>
        private bool TryPaint(List<(int I, int J)> cells, int owner, int host, int hostComps, bool ownerGrows)
        {
            var before = CountComps(owner);
            foreach (var (i, j) in cells)
            {
                _l[i, j] = owner;
            }
            var ok = !_l.FindPinch(out _, out _) && CountComps(host) == hostComps
                && CountComps(owner) == (ownerGrows ? before + 1 : Math.Max(before, 1));
            if (!ok)
            {
                foreach (var (i, j) in cells)
                {
                    _l[i, j] = host;
                }
            }
            return ok;
        }

        private int CountComps(int label)
        {
            var (_, comps) = _l.Components();
            return comps.Count(c => c.Label == label);
        }
    }
}
