using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>set and frozenset: CPython 3.11's hash table (open addressing, a run of linear
/// probes then perturbed jumps, deleted entries left as dummies, the same growth, copy and
/// shrink rules), so that iteration, pop() and repr() meet the elements in CPython's order.
/// The table lives here; the native half is a PySetObject header whose <c>used</c> is kept
/// current for PySet_GET_SIZE (its own table stays empty).</summary>
internal sealed unsafe class PySet : PyObject
{
    /// <summary>Unused: no key, hash 0. Dummy (deleted): no key, hash -1 (no real hash is -1).
    /// Active: a key.</summary>
    private struct Entry
    {
        public PyObject? Key;
        public long Hash;
    }

    private const int MinSize = 8, LinearProbes = 9, PerturbShift = 5;
    private static readonly Entry DummyEntry = new() { Hash = -1 };

    private Entry[] table = new Entry[MinSize];
    private int mask = MinSize - 1;
    /// <summary>Active and dummy entries.</summary>
    private int fill;
    private int used;
    /// <summary>Where pop() starts looking.</summary>
    private int finger;
    /// <summary>A frozenset's hash once computed, else -1.</summary>
    private long hash = -1;

    internal PySet(PyType type) : base(type) { }

    /// <summary>The twin of a set allocated in C (tp_alloc): empty, as tp_alloc leaves it.</summary>
    internal static PySet FromNative(nint p) => new((PyType)ObjectSpace.FromNative(((PyObjectHead*)p)->ob_type));

    internal int Count => used;

    /// <summary>set_sizeof: the object, plus the table once it outgrew the small one
    /// inside the object (16 bytes an entry).</summary>
    internal long SizeOf => Type.BasicSize + (mask + 1 > MinSize ? (mask + 1) * 16L : 0);

    private int Used
    {
        get => used;
        set
        {
            used = value;
            if (Native != 0)
            {
                ((PySetLayout*)Native)->used = value;
            }
        }
    }

    internal bool IsFrozen => Type.IsSubtypeOf(BuiltinTypes.FrozenSet);

    internal override nint CreateNative()
    {
        nint p = ObjectSpace.AllocateObject((nuint)Type.BasicSize, Type);
        var layout = (PySetLayout*)p;
        layout->used = used;
        layout->mask = MinSize - 1;
        layout->table = (nint)layout->smalltable;
        layout->hash = -1;
        return p;
    }

    /// <summary>make_new_set: a set or frozenset of the type, with the items of the iterable.</summary>
    internal static PySet Create(PyType type, PyObject? iterable)
    {
        var set = new PySet(type);
        if (iterable is not null)
        {
            set.Update(iterable);
        }
        return set;
    }

    /// <summary>make_new_set_basetype: results of operations are exact sets or frozensets.</summary>
    private static PyType BaseType(PyType type) =>
        ReferenceEquals(type, BuiltinTypes.Set) || ReferenceEquals(type, BuiltinTypes.FrozenSet) ? type
        : type.IsSubtypeOf(BuiltinTypes.Set) ? BuiltinTypes.Set : BuiltinTypes.FrozenSet;

    private PySet NewEmpty() => new(BaseType(Type));

    // ---- The table ----

    /// <summary>The index of the key's active entry, or of the unused entry where the search
    /// stopped. A comparison that changed the table starts the search again.</summary>
    private int LookKey(PyObject key, long h)
    {
    restart:
        int m = mask;
        ulong perturb = (ulong)h;
        int i = (int)((ulong)h & (ulong)m);
        while (true)
        {
            int probes = i + LinearProbes <= m ? LinearProbes : 0;
            int j = i;
            do
            {
                var e = table[j];
                if (e.Key is null && e.Hash == 0)
                {
                    return j;
                }
                if (e.Hash == h && e.Key is { } start)
                {
                    if (ReferenceEquals(start, key))
                    {
                        return j;
                    }
                    var before = table;
                    bool equal = Abstract.RichCompareBool(start, key, CompareOp.Eq);
                    if (!ReferenceEquals(before, table) || !ReferenceEquals(table[j].Key, start))
                    {
                        goto restart;
                    }
                    if (equal)
                    {
                        return j;
                    }
                    m = mask;
                }
                j++;
            } while (probes-- > 0);
            perturb >>= PerturbShift;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)m);
        }
    }

    /// <summary>set_add_entry: an absent key goes into the last dummy passed, else into the
    /// unused entry that ended the search (which may grow the table).</summary>
    private void AddEntry(PyObject key, long h)
    {
    restart:
        int m = mask;
        ulong perturb = (ulong)h;
        int i = (int)((ulong)h & (ulong)m);
        int freeSlot = -1;
        while (true)
        {
            int probes = i + LinearProbes <= m ? LinearProbes : 0;
            int j = i;
            do
            {
                var e = table[j];
                if (e.Key is null && e.Hash == 0)
                {
                    if (freeSlot >= 0)
                    {
                        table[freeSlot] = new Entry { Key = key, Hash = h };
                        Used++;
                        return;
                    }
                    table[j] = new Entry { Key = key, Hash = h };
                    fill++;
                    Used++;
                    if ((long)fill * 5 >= (long)m * 3)
                    {
                        Resize(GrowthTarget);
                    }
                    return;
                }
                if (e.Hash == h && e.Key is { } start)
                {
                    if (ReferenceEquals(start, key))
                    {
                        return;
                    }
                    var before = table;
                    if (Abstract.RichCompareBool(start, key, CompareOp.Eq))
                    {
                        return;
                    }
                    if (!ReferenceEquals(before, table) || !ReferenceEquals(table[j].Key, start))
                    {
                        goto restart;
                    }
                    m = mask;
                }
                else if (e.Hash == -1)
                {
                    freeSlot = j;
                }
                j++;
            } while (probes-- > 0);
            perturb >>= PerturbShift;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)m);
        }
    }

    private long GrowthTarget => used > 50000 ? (long)used * 2 : (long)used * 4;

    /// <summary>set_insert_clean: a key known to be absent, into a table without dummies.</summary>
    private static void InsertClean(Entry[] t, int m, PyObject key, long h)
    {
        ulong perturb = (ulong)h;
        int i = (int)((ulong)h & (ulong)m);
        while (true)
        {
            if (t[i].Key is null)
            {
                t[i] = new Entry { Key = key, Hash = h };
                return;
            }
            if (i + LinearProbes <= m)
            {
                for (int j = i + 1; j <= i + LinearProbes; j++)
                {
                    if (t[j].Key is null)
                    {
                        t[j] = new Entry { Key = key, Hash = h };
                        return;
                    }
                }
            }
            perturb >>= PerturbShift;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)m);
        }
    }

    /// <summary>set_table_resize: the smallest table larger than <paramref name="minUsed"/>,
    /// the active entries reinserted in table order. A minimal table without dummies stays.</summary>
    private void Resize(long minUsed)
    {
        int size = MinSize;
        while (size <= minUsed)
        {
            size <<= 1;
        }
        if (size == MinSize && table.Length == MinSize && fill == used)
        {
            return;
        }
        var old = table;
        table = new Entry[size];
        mask = size - 1;
        fill = used;
        foreach (var e in old)
        {
            if (e.Key is { } key)
            {
                InsertClean(table, mask, key, e.Hash);
            }
        }
    }

    private bool ContainsEntry(PyObject key, long h)
    {
        int j = LookKey(key, h); // first: the lookup may replace the table
        return table[j].Key is not null;
    }

    /// <summary>Leaves a dummy where the key was; false when it was not there.</summary>
    private bool DiscardEntry(PyObject key, long h)
    {
        int j = LookKey(key, h);
        if (table[j].Key is null)
        {
            return false;
        }
        table[j] = DummyEntry;
        Used--;
        return true;
    }

    internal void AddKey(PyObject key) => AddEntry(key, Abstract.Hash(key));

    internal bool ContainsKey(PyObject key) => ContainsEntry(key, Abstract.Hash(key));

    internal bool DiscardKey(PyObject key) => DiscardEntry(key, Abstract.Hash(key));

    internal void Clear()
    {
        table = new Entry[MinSize];
        mask = MinSize - 1;
        fill = 0;
        Used = 0;
        hash = -1;
    }

    /// <summary>set_next: the next active entry at or after <paramref name="pos"/>.</summary>
    internal bool Next(ref nint pos, out PyObject key, out long keyHash)
    {
        nint i = pos;
        while (i <= mask && table[i].Key is null)
        {
            i++;
        }
        pos = i + 1;
        if (i > mask)
        {
            key = null!;
            keyHash = 0;
            return false;
        }
        key = table[i].Key!;
        keyHash = table[i].Hash;
        return true;
    }

    private IEnumerable<(PyObject Key, long Hash)> Entries()
    {
        nint pos = 0;
        while (Next(ref pos, out var key, out long h))
        {
            yield return (key, h);
        }
    }

    /// <summary>set.pop(): the first active entry from the finger on, wrapping around.</summary>
    internal PyObject Pop()
    {
        if (used == 0)
        {
            throw new PythonException(PyExc.KeyError, "pop from an empty set");
        }
        int j = finger & mask;
        while (table[j].Key is null)
        {
            j = j == mask ? 0 : j + 1;
        }
        var key = table[j].Key!;
        table[j] = DummyEntry;
        Used--;
        finger = j + 1;
        return key;
    }

    // ---- Updates ----

    /// <summary>set_merge: another set's entries, copied straight when this one is empty.</summary>
    private void Merge(PySet other)
    {
        if (ReferenceEquals(other, this) || other.used == 0)
        {
            return;
        }
        if ((long)(fill + other.used) * 5 >= (long)mask * 3)
        {
            Resize((long)(used + other.used) * 2);
        }
        if (fill == 0 && mask == other.mask && other.fill == other.used)
        {
            table = other.table.AsSpan().ToArray();
            fill = other.fill;
            Used = other.used;
            return;
        }
        if (fill == 0)
        {
            foreach (var e in other.table)
            {
                if (e.Key is { } key)
                {
                    InsertClean(table, mask, key, e.Hash);
                }
            }
            fill = other.used;
            Used = other.used;
            return;
        }
        for (int i = 0; i <= other.mask; i++)
        {
            var e = other.table[i];
            if (e.Key is { } key)
            {
                AddEntry(key, e.Hash);
            }
        }
    }

    private static bool IsExactDict(PyObject o) => o is PyDict && ReferenceEquals(o.Type, BuiltinTypes.Dict);

    /// <summary>set_update_internal: a set, a dict's keys (one resize first), or any iterable.</summary>
    internal void Update(PyObject other)
    {
        if (other is PySet s)
        {
            Merge(s);
            return;
        }
        if (IsExactDict(other))
        {
            var d = (PyDict)other;
            if ((long)(fill + d.Count) * 5 >= (long)mask * 3)
            {
                Resize((long)(used + d.Count) * 2);
            }
            foreach (var (key, _) in d.Items())
            {
                AddKey(key);
            }
            return;
        }
        foreach (var key in Abstract.Iterate(other))
        {
            AddKey(key);
        }
    }

    /// <summary>set.copy(); a frozenset's copy() is the frozenset itself.</summary>
    internal PySet Copy() => Create(BaseType(Type), this);

    internal PySet Union(PyObject[] others)
    {
        var result = Copy();
        foreach (var other in others)
        {
            if (!ReferenceEquals(other, this))
            {
                result.Update(other);
            }
        }
        return result;
    }

    internal PySet Intersection(PyObject other)
    {
        if (ReferenceEquals(other, this))
        {
            return Copy();
        }
        var result = NewEmpty();
        if (other is PySet o)
        {
            var (large, small) = o.used > used ? (o, this) : (this, o);
            foreach (var (key, h) in small.Entries())
            {
                if (large.ContainsEntry(key, h))
                {
                    result.AddEntry(key, h);
                }
            }
            return result;
        }
        foreach (var key in Abstract.Iterate(other))
        {
            long h = Abstract.Hash(key);
            if (ContainsEntry(key, h))
            {
                result.AddEntry(key, h);
                if (result.used >= used)
                {
                    break;
                }
            }
        }
        return result;
    }

    internal PySet Intersection(PyObject[] others)
    {
        if (others.Length == 0)
        {
            return Copy();
        }
        var result = this;
        foreach (var other in others)
        {
            result = result.Intersection(other);
        }
        return result;
    }

    /// <summary>set_swap_bodies for intersection_update: this set takes the result's table.</summary>
    internal void TakeBody(PySet result)
    {
        table = result.table;
        mask = result.mask;
        fill = result.fill;
        Used = result.used;
        hash = -1;
    }

    internal bool IsDisjoint(PyObject other)
    {
        if (ReferenceEquals(other, this))
        {
            return used == 0;
        }
        if (other is PySet o && (ReferenceEquals(o.Type, BuiltinTypes.Set) || ReferenceEquals(o.Type, BuiltinTypes.FrozenSet)))
        {
            var (large, small) = o.used > used ? (o, this) : (this, o);
            return !small.Entries().Any(e => large.ContainsEntry(e.Key, e.Hash));
        }
        return !Abstract.Iterate(other).Any(ContainsKey);
    }

    /// <summary>set_difference_update_internal; dummies past a quarter of the table are resized away.</summary>
    internal void DifferenceUpdate(PyObject other)
    {
        if (ReferenceEquals(other, this))
        {
            Clear();
            return;
        }
        if (other is PySet o)
        {
            // A much larger set is first reduced to the common elements.
            var removed = (o.used >> 3) > used ? Intersection(o) : o;
            foreach (var (key, h) in removed.Entries())
            {
                DiscardEntry(key, h);
            }
        }
        else
        {
            foreach (var key in Abstract.Iterate(other))
            {
                DiscardKey(key);
            }
        }
        if ((uint)(fill - used) > (uint)mask / 4)
        {
            Resize(GrowthTarget);
        }
    }

    private PySet CopyAndDifference(PyObject other)
    {
        var result = Copy();
        result.DifferenceUpdate(other);
        return result;
    }

    /// <summary>set_difference: the elements not in a set or dict are gathered into a new
    /// set, unless this one is much larger; anything else is removed from a copy.</summary>
    internal PySet Difference(PyObject other)
    {
        long otherSize = other switch
        {
            PySet o => o.used,
            _ when IsExactDict(other) => ((PyDict)other).Count,
            _ => -1,
        };
        if (otherSize < 0 || (used >> 2) > otherSize)
        {
            return CopyAndDifference(other);
        }
        var result = NewEmpty();
        foreach (var (key, h) in Entries())
        {
            bool inOther = other is PySet o ? o.ContainsEntry(key, h) : ((PyDict)other).GetItem(key, h) is not null;
            if (!inOther)
            {
                result.AddEntry(key, h);
            }
        }
        return result;
    }

    internal PySet Difference(PyObject[] others)
    {
        if (others.Length == 0)
        {
            return Copy();
        }
        var result = Difference(others[0]);
        foreach (var other in others[1..])
        {
            result.DifferenceUpdate(other);
        }
        return result;
    }

    internal void SymmetricDifferenceUpdate(PyObject other)
    {
        if (ReferenceEquals(other, this))
        {
            Clear();
            return;
        }
        IEnumerable<(PyObject Key, long Hash)> toggled = IsExactDict(other)
            ? ((PyDict)other).Items().Select(kv => (kv.Key, Abstract.Hash(kv.Key)))
            : (other as PySet ?? Create(BaseType(Type), other)).Entries();
        foreach (var (key, h) in toggled)
        {
            if (!DiscardEntry(key, h))
            {
                AddEntry(key, h);
            }
        }
    }

    internal PySet SymmetricDifference(PyObject other)
    {
        var result = Create(BaseType(Type), other);
        result.SymmetricDifferenceUpdate(this);
        return result;
    }

    /// <summary>Anything but a set is made a set first.</summary>
    internal bool IsSubset(PyObject other)
    {
        var o = other as PySet ?? Create(BuiltinTypes.Set, other);
        return used <= o.used && Entries().All(e => o.ContainsEntry(e.Key, e.Hash));
    }

    internal bool IsSuperset(PyObject other) =>
        other is PySet o ? o.IsSubset(this) : Abstract.Iterate(other).All(ContainsKey);

    // ---- The object protocol ----

    internal override PyObject RichCompareCore(PyObject other, CompareOp op)
    {
        if (other is not PySet w)
        {
            return PyNotImplemented.Instance;
        }
        return PyBool.Of(op switch
        {
            CompareOp.Eq => Equal(w),
            CompareOp.Ne => !Equal(w),
            CompareOp.Le => IsSubset(w),
            CompareOp.Ge => IsSuperset(w),
            CompareOp.Lt => used < w.used && IsSubset(w),
            _ => used > w.used && IsSuperset(w),
        });
    }

    /// <summary>Two frozensets whose known hashes differ are unequal without a look at the elements.</summary>
    private bool Equal(PySet w) => used == w.used && (hash == -1 || w.hash == -1 || hash == w.hash) && IsSubset(w);

    /// <summary>set_contains (the in operator, __contains__): an unhashable set is looked up
    /// as the frozenset of its elements.</summary>
    internal bool Contains(PyObject key) => WithSetKeyAsFrozen(key, ContainsKey);

    /// <summary>set.discard / set.remove: true when the key was there.</summary>
    internal bool Discard(PyObject key) => WithSetKeyAsFrozen(key, DiscardKey);

    private static bool WithSetKeyAsFrozen(PyObject key, Func<PyObject, bool> operation)
    {
        try
        {
            return operation(key);
        }
        catch (PythonException e) when (key is PySet && key.Type.IsSubtypeOf(BuiltinTypes.Set)
            && e.Type is PyType t && t.IsSubtypeOf(PyExc.TypeError))
        {
            return operation(Create(BuiltinTypes.FrozenSet, key));
        }
    }

    internal override PyStr ReprCore()
    {
        using var guard = ReprGuard.Enter(this);
        if (guard.Recursive)
        {
            return new PyStr($"{Type.Name}(...)");
        }
        if (used == 0)
        {
            return new PyStr($"{Type.Name}()");
        }
        var items = string.Join(", ", Entries().Select(e => e.Key).ToArray().Select(k => k.ReprString()));
        return new PyStr(ReferenceEquals(Type, BuiltinTypes.Set) ? $"{{{items}}}" : $"{Type.Name}({{{items}}})");
    }

    internal override bool IsTrue() => used != 0;

    /// <summary>A frozenset's hash, computed once; a set is unhashable.</summary>
    internal override long HashCore()
    {
        if (!IsFrozen)
        {
            throw Abstract.Unhashable(this);
        }
        if (hash == -1)
        {
            hash = HashOfElements(Entries().Select(e => e.Hash).ToArray());
        }
        return hash;
    }

    /// <summary>frozenset_hash: the xor of the elements' hashes with their bits shuffled (so
    /// the order does not matter), mixed with their count.</summary>
    internal static long HashOfElements(long[] elementHashes)
    {
        ulong h = 0;
        foreach (long elementHash in elementHashes)
        {
            ulong k = (ulong)elementHash;
            h ^= (k ^ 89869747UL ^ (k << 16)) * 3644798167UL;
        }
        h ^= ((ulong)elementHashes.Length + 1) * 1927868237UL;
        h ^= (h >> 11) ^ (h >> 25);
        h = h * 69069U + 907133923UL;
        return h == ulong.MaxValue ? 590923713L : (long)h;
    }
}

/// <summary>set_iterator: a position in the set's table; a set that changes size makes
/// every further step fail.</summary>
internal sealed class PySetIterator(PySet set) : PyIterator(BuiltinTypes.Get("set_iterator"))
{
    private PySet? set = set;
    private int expectedSize = set.Count;
    private nint position;
    private long left = set.Count;

    internal override PyObject? Next()
    {
        if (set is null)
        {
            return null;
        }
        if (set.Count != expectedSize)
        {
            expectedSize = -1;
            throw new PythonException(PyExc.RuntimeError, "Set changed size during iteration");
        }
        if (!set.Next(ref position, out var key, out _))
        {
            set = null;
            return null;
        }
        left--;
        return key;
    }

    internal override long? LengthHint() => set is not null && set.Count == expectedSize ? left : 0;
}

/// <summary>The PySet_* functions.</summary>
internal static unsafe class SetApi
{
    /// <summary>PyAnySet_Check, else the bad internal call.</summary>
    private static PySet AnySet(BorrowedReference o) =>
        ObjectSpace.FromNativeForCallOrNull(o) as PySet ?? throw Abstract.BadInternalCall();

    /// <summary>PySet_Check (not a frozenset), else the bad internal call.</summary>
    private static PySet MutableSet(BorrowedReference o) =>
        ObjectSpace.FromNativeForCallOrNull(o) is PySet { IsFrozen: false } s ? s : throw Abstract.BadInternalCall();

    [CApi]
    internal static NewReference PySet_New(BorrowedReference iterable) =>
        ObjectSpace.NewRef(PySet.Create(BuiltinTypes.Set, ObjectSpace.FromNativeForCallOrNull(iterable)));

    [CApi]
    internal static NewReference PyFrozenSet_New(BorrowedReference iterable) =>
        ObjectSpace.NewRef(PySet.Create(BuiltinTypes.FrozenSet, ObjectSpace.FromNativeForCallOrNull(iterable)));

    [CApi]
    internal static nint PySet_Size(BorrowedReference anyset) => AnySet(anyset).Count;

    /// <summary>Unlike the in operator, no set key is turned into a frozenset.</summary>
    [CApi]
    internal static int PySet_Contains(BorrowedReference anyset, BorrowedReference key) =>
        AnySet(anyset).ContainsKey(ObjectSpace.FromNativeForCall(key)) ? 1 : 0;

    /// <summary>A frozenset only C holds (refcount 1) may still be filled, as CPython allows.</summary>
    [CApi]
    internal static int PySet_Add(BorrowedReference anyset, BorrowedReference key)
    {
        var set = AnySet(anyset);
        if (set.IsFrozen && ((PyObjectHead*)anyset.Address)->ob_refcnt != 1)
        {
            throw Abstract.BadInternalCall();
        }
        set.AddKey(ObjectSpace.FromNative(key));
        return 0;
    }

    /// <summary>1 when the key was removed, 0 when it was not there.</summary>
    [CApi]
    internal static int PySet_Discard(BorrowedReference set, BorrowedReference key) =>
        MutableSet(set).DiscardKey(ObjectSpace.FromNativeForCall(key)) ? 1 : 0;

    [CApi]
    internal static NewReference PySet_Pop(BorrowedReference set) => ObjectSpace.NewRef(MutableSet(set).Pop());

    [CApi]
    internal static int PySet_Clear(BorrowedReference set)
    {
        MutableSet(set).Clear();
        return 0;
    }

    [CApi]
    internal static int _PySet_Update(BorrowedReference set, BorrowedReference iterable)
    {
        MutableSet(set).Update(ObjectSpace.FromNativeOrNull(iterable) ?? throw Abstract.BadInternalCall());
        return 0;
    }

    /// <summary>The next element (borrowed: the set holds it) and its hash; 0 at the end.</summary>
    [CApi]
    internal static int _PySet_NextEntry(BorrowedReference set, nint* pos, nint* key, nint* hash)
    {
        if (!AnySet(set).Next(ref *pos, out var k, out long h))
        {
            return 0;
        }
        *key = ObjectSpace.ToNative(k);
        *hash = (nint)h;
        return 1;
    }
}

/// <summary>The methods, operators and constructors of set and frozenset.</summary>
internal static class SetMethods
{
    private static PySet Self(PyObject? self) => (PySet)self!;

    /// <summary>Runs a method that answers None.</summary>
    private static PyObject Done(Action change)
    {
        change();
        return PyNone.Instance;
    }

    internal static void Register()
    {
        // set_new makes an empty set whatever the arguments; set_init fills it anew.
        BuiltinTypes.Set.Constructor = (type, _, _) => PySet.Create(type, null);
        BuiltinTypes.Set.Initializer = (self, args, kwargs) =>
        {
            ArgCheck.NoKeywords("set", kwargs);
            var a = args.ToArray();
            ArgCheck.Range(self.Type.Name, a, 0, 1);
            var set = Self(self);
            set.Clear();
            if (a.Length == 1)
            {
                set.Update(a[0]);
            }
        };
        BuiltinTypes.FrozenSet.Constructor = (type, args, kwargs) =>
            ListMethods.SingleIterableArgument("frozenset", args, kwargs) is { } iterable
                ? iterable is PySet s && ReferenceEquals(s.Type, BuiltinTypes.FrozenSet) && ReferenceEquals(type, BuiltinTypes.FrozenSet)
                    ? s
                    : PySet.Create(type, iterable)
                : PySet.Create(type, null);
        foreach (var type in new[] { BuiltinTypes.Set, BuiltinTypes.FrozenSet })
        {
            AddCommon(type);
        }
        AddMutating(BuiltinTypes.Set);
        PyIterator.AddLengthHint(BuiltinTypes.Get("set_iterator"));
    }

    /// <summary>What set and frozenset share. (A bound method given keywords names itself
    /// unqualified, as CPython's cfunction_call does.)</summary>
    private static void AddCommon(PyType type)
    {
        void AddOne(string name, Func<PySet, PyObject, PyObject> body) => PyBuiltinMethodDescriptor.Add(type, name,
            (self, args, kwargs) => body(Self(self), ArgCheck.One($"{type.Name}.{name}", args, kwargs)));
        void AddVarArgs(string name, Func<PySet, PyObject[], PyObject> body) => PyBuiltinMethodDescriptor.Add(type, name,
            (self, args, kwargs) =>
            {
                ArgCheck.NoKeywords(name, kwargs);
                return body(Self(self), args);
            });

        PyBuiltinMethodDescriptor.Add(type, "copy", (self, args, kwargs) =>
        {
            ArgCheck.None($"{type.Name}.copy", args, kwargs);
            var s = Self(self);
            return ReferenceEquals(s.Type, BuiltinTypes.FrozenSet) ? s : s.Copy();
        });
        AddOne("__contains__", (s, key) => PyBool.Of(s.Contains(key)));
        PyBuiltinMethodDescriptor.AddNoArgs(type, "__sizeof__", self => new PyInt(Self(self).SizeOf));
        PyBuiltinMethodDescriptor.AddNoArgs(type, "__reduce__", self =>
            PyTuple.Create([self.Type, PyTuple.Create([Abstract.ToList(self)]), self.Dict ?? (PyObject)PyNone.Instance]));
        AddVarArgs("union", (s, others) => s.Union(others));
        AddVarArgs("intersection", (s, others) => s.Intersection(others));
        AddVarArgs("difference", (s, others) => s.Difference(others));
        AddOne("symmetric_difference", (s, other) => s.SymmetricDifference(other));
        AddOne("issubset", (s, other) => PyBool.Of(s.IsSubset(other)));
        AddOne("issuperset", (s, other) => PyBool.Of(s.IsSuperset(other)));
        AddOne("isdisjoint", (s, other) => PyBool.Of(s.IsDisjoint(other)));
    }

    /// <summary>set's own methods: those that change it.</summary>
    private static void AddMutating(PyType set)
    {
        void AddOne(string name, Func<PySet, PyObject, PyObject> body) => PyBuiltinMethodDescriptor.Add(set, name,
            (self, args, kwargs) => body(Self(self), ArgCheck.One($"set.{name}", args, kwargs)));
        void AddNoArgs(string name, Func<PySet, PyObject> body) => PyBuiltinMethodDescriptor.Add(set, name,
            (self, args, kwargs) =>
            {
                ArgCheck.None($"set.{name}", args, kwargs);
                return body(Self(self));
            });
        void AddVarArgs(string name, Action<PySet, PyObject> eachOther) => PyBuiltinMethodDescriptor.Add(set, name,
            (self, args, kwargs) =>
            {
                ArgCheck.NoKeywords(name, kwargs);
                var s = Self(self);
                return Done(() => Array.ForEach(args, other => eachOther(s, other)));
            });

        AddOne("add", (s, key) => Done(() => s.AddKey(key)));
        AddOne("discard", (s, key) => Done(() => s.Discard(key)));
        AddOne("remove", (s, key) => s.Discard(key) ? PyNone.Instance
            : throw new PythonException(PyBaseException.Create(PyExc.KeyError, [key])));
        AddNoArgs("pop", s => s.Pop());
        AddNoArgs("clear", s => Done(s.Clear));
        AddVarArgs("update", (s, other) => s.Update(other));
        AddVarArgs("difference_update", (s, other) => s.DifferenceUpdate(other));
        PyBuiltinMethodDescriptor.Add(set, "intersection_update", (self, args, kwargs) =>
        {
            ArgCheck.NoKeywords("intersection_update", kwargs);
            var s = Self(self);
            return Done(() => s.TakeBody(s.Intersection(args)));
        });
        AddOne("symmetric_difference_update", (s, other) => Done(() => s.SymmetricDifferenceUpdate(other)));
    }
}

/// <summary>|, &amp;, - and ^ of sets and frozensets, and their in-place forms on sets; an
/// operand that is no set or frozenset is not handled (NotImplemented).</summary>
internal static class SetArithmetic
{
    internal static readonly NumberSlots Slots = Create(inPlace: true);

    internal static readonly NumberSlots FrozenSlots = Create(inPlace: false);

    private static NumberSlots Create(bool inPlace)
    {
        var slots = new NumberSlots();
        void Define(NumberOp op, Func<PySet, PySet, PyObject> binary, Action<PySet, PySet> update)
        {
            slots.Binary[(int)op] = (v, w) => v is PySet a && w is PySet b ? binary(a, b) : PyNotImplemented.Instance;
            if (inPlace)
            {
                slots.InPlace[(int)op] = (v, w) =>
                {
                    if (w is not PySet b)
                    {
                        return PyNotImplemented.Instance;
                    }
                    update((PySet)v, b);
                    return v;
                };
            }
        }
        Define(NumberOp.Or, (a, b) => a.Union([b]), (a, b) => a.Update(b));
        Define(NumberOp.And, (a, b) => a.Intersection(b), (a, b) => a.TakeBody(a.Intersection(b)));
        Define(NumberOp.Subtract, (a, b) => a.Difference(b), (a, b) => a.DifferenceUpdate(b));
        Define(NumberOp.Xor, (a, b) => a.SymmetricDifference(b), (a, b) => a.SymmetricDifferenceUpdate(b));
        return slots;
    }
}
