using System.Runtime.InteropServices;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>dict: an insertion-ordered hash table with Python's key semantics (hash,
/// then identity or ==), laid out as CPython's: a sparse index over a dense entry
/// array, so PyDict_Next's position is an entry index. The native half is the
/// PyDictObject header, whose ma_used and ma_version_tag are kept current (PyDict_GET_SIZE,
/// and Cython's dict-version caches). Once C iterates the dict with PyDict_Next, the entries
/// are mirrored as native pointers in ma_keys (dictobject.c), so C iterates it without a
/// call into managed code.</summary>
internal sealed unsafe class PyDict : PyObject
{
    private struct Entry
    {
        public long Hash;
        public PyObject? Key;
        public PyObject? Value;
    }

    private const int Empty = -1, Deleted = -2;
    /// <summary>The index of every empty dict, never written: the first insertion resizes
    /// (a dict made and dropped without items allocates nothing but itself).</summary>
    private static readonly int[] NoIndices = NewIndices(8);
    private int[] indices = NoIndices;
    private Entry[] entries = [];
    /// <summary>The two arrays are shared with a copy (see <see cref="Copy"/>): they are
    /// cloned before this dict's first change.</summary>
    private bool tableShared;
    private int entryCount;
    private int used;

    internal PyDict() : base(BuiltinTypes.Dict) { }

    internal int Count => used;

    private static int[] NewIndices(int size)
    {
        var a = new int[size];
        Array.Fill(a, Empty);
        return a;
    }

    /// <summary>CPython's ma_version_tag: a process-wide counter, bumped by every change
    /// (shared with PyDict_New in dictobject.c).</summary>
    private static readonly ulong* lastVersion = CPart.pycapi_dict_version_counter();

    /// <summary>The twin of a dict made by PyDict_New in C: empty, since every change to a
    /// dict goes through its twin.</summary>
    internal static PyDict FromNative(nint p) => new();

    internal override unsafe nint CreateNative()
    {
        nint p = ObjectSpace.AllocateObject((nuint)sizeof(PyDictLayout), Type);
        ((PyDictLayout*)p)->ma_used = used;
        ((PyDictLayout*)p)->ma_version_tag = ++*lastVersion;
        return p;
    }

    /// <summary>The native mirror of the entries (pycapi_dict_mirror in dictobject.c).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Mirror
    {
        public nint Count, Capacity;
        // followed by Capacity (key, value) pairs of PyObject*
    }

    private unsafe Mirror* NativeMirror => Native != 0 ? (Mirror*)((PyDictLayout*)Native)->ma_keys : null;

    /// <summary>After every change: the native header, and the mirror's entry
    /// <paramref name="changed"/> (if the dict has a mirror).</summary>
    private unsafe void SyncNative(int changed = -1)
    {
        if (Native == 0)
        {
            return;
        }
        var layout = (PyDictLayout*)Native;
        layout->ma_used = used;
        layout->ma_version_tag = ++*lastVersion;
        if (NativeMirror is var mirror && mirror != null)
        {
            if (entries.Length > mirror->Capacity)
            {
                DropMirror();
                return;
            }
            mirror->Count = entryCount;
            if (changed >= 0)
            {
                MirrorEntry(mirror, changed);
            }
        }
    }

    private unsafe void MirrorEntry(Mirror* mirror, int ix)
    {
        nint* pair = (nint*)(mirror + 1) + 2 * ix;
        ref var e = ref entries[ix];
        pair[0] = ObjectSpace.ToNativeOrNull(e.Key);
        pair[1] = ObjectSpace.ToNativeOrNull(e.Value);
    }

    /// <summary>PyDict_Next from C found no mirror: make one (an exact dict only; the
    /// entries cross into C, as PyDict_Next would make them cross one by one).</summary>
    internal unsafe void BuildMirror()
    {
        if (Native == 0 || Type != BuiltinTypes.Dict || NativeMirror != null)
        {
            return;
        }
        var mirror = (Mirror*)CPart.PyMem_Malloc((nuint)(sizeof(Mirror) + entries.Length * 2 * sizeof(nint)));
        if (mirror == null)
        {
            return; // PyDict_Next then simply stays a managed call
        }
        mirror->Count = entryCount;
        mirror->Capacity = entries.Length;
        for (int i = 0; i < entryCount; i++)
        {
            MirrorEntry(mirror, i);
        }
        ((PyDictLayout*)Native)->ma_keys = (nint)mirror;
    }

    private unsafe void DropMirror()
    {
        if (NativeMirror is var mirror && mirror != null)
        {
            ((PyDictLayout*)Native)->ma_keys = 0;
            CPart.PyMem_Free((nint)mirror);
        }
    }

    /// <summary>The slot in <see cref="indices"/> for the key: its entry, or the empty slot where it would go.</summary>
    private int FindSlot(PyObject key, long hash, out int entryIndex)
    {
        int mask = indices.Length - 1;
        ulong perturb = (ulong)hash;
        int i = (int)((ulong)hash & (ulong)mask);
        int firstDeleted = -1;
        while (true)
        {
            int ix = indices[i];
            if (ix == Empty)
            {
                entryIndex = -1;
                return firstDeleted >= 0 ? firstDeleted : i;
            }
            if (ix == Deleted)
            {
                if (firstDeleted < 0)
                {
                    firstDeleted = i;
                }
            }
            else
            {
                ref var e = ref entries[ix];
                if (ReferenceEquals(e.Key, key) || (e.Hash == hash && KeysEqual(e.Key!, key)))
                {
                    entryIndex = ix;
                    return i;
                }
            }
            perturb >>= 5;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)mask);
        }
    }

    /// <summary>Python's ==, compared directly for two exact str (the usual keys).</summary>
    private static bool KeysEqual(PyObject stored, PyObject key) =>
        stored is PyStr a && key is PyStr b && a.Type == BuiltinTypes.Str && b.Type == BuiltinTypes.Str
            ? string.Equals(a.Value, b.Value, StringComparison.Ordinal)
            : Abstract.RichCompareBool(stored, key, CompareOp.Eq);

    internal PyObject? GetItem(PyObject key) => GetItem(key, Abstract.Hash(key));

    internal PyObject? GetItem(PyObject key, long hash) => Lookup(key, hash)?.Value;

    /// <summary>The entry for the key: the stored key and its value.</summary>
    internal (PyObject Key, PyObject Value)? Lookup(PyObject key, long hash)
    {
        FindSlot(key, hash, out int ix);
        return ix < 0 ? null : (entries[ix].Key!, entries[ix].Value!);
    }

    /// <summary>The native lookup cache (ma_values; pycapi_dict_hit in dictobject.c): a few
    /// keys found by identity, each valid while ma_version_tag is unchanged, so that the
    /// dict holds the key and the value and neither address can be reused meanwhile.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Hit
    {
        public ulong Version;
        public nint Key, Value;
    }

    private const int HitCacheSize = 4;

    /// <summary>Remembers a key found (or stored) by identity. The cache is made by the
    /// first lookup from C, not by stores: a dict C only fills pays nothing for it.</summary>
    internal unsafe void RememberHit(nint key, nint value, bool lookup)
    {
        if (Native == 0 || Type != BuiltinTypes.Dict)
        {
            return;
        }
        var layout = (PyDictLayout*)Native;
        if (layout->ma_values == 0)
        {
            if (!lookup)
            {
                return;
            }
            layout->ma_values = CPart.PyMem_Calloc(HitCacheSize, (nuint)sizeof(Hit));
            if (layout->ma_values == 0)
            {
                return;
            }
        }
        var hit = (Hit*)layout->ma_values + ((key >> 4) & (HitCacheSize - 1));
        *hit = new Hit { Version = layout->ma_version_tag, Key = key, Value = value };
    }

    internal void SetItem(PyObject key, PyObject value) => SetItem(key, Abstract.Hash(key), value);

    /// <summary>Sets the key's value; true when the key stored is this very object (a new
    /// entry, or one whose key is identical), as the lookup cache requires.</summary>
    internal bool SetItem(PyObject key, long hash, PyObject value)
    {
        int slot = FindSlot(key, hash, out int ix);
        if (ix >= 0)
        {
            Unshare();
            entries[ix].Value = value;
            SyncNative(ix);
            return ReferenceEquals(entries[ix].Key, key);
        }
        if (entryCount == entries.Length)
        {
            Resize(Math.Max(5, used * 3));
            slot = FindSlot(key, hash, out _);
        }
        Unshare();
        entries[entryCount] = new Entry { Hash = hash, Key = key, Value = value };
        indices[slot] = entryCount++;
        used++;
        SyncNative(entryCount - 1);
        return true;
    }

    /// <summary>Removes the key; false if it was not there.</summary>
    internal bool DelItem(PyObject key)
    {
        int slot = FindSlot(key, Abstract.Hash(key), out int ix);
        if (ix < 0)
        {
            return false;
        }
        Unshare();
        indices[slot] = Deleted;
        entries[ix] = default;
        used--;
        SyncNative(ix);
        return true;
    }

    internal void Clear()
    {
        indices = NoIndices;
        entries = [];
        tableShared = false;
        entryCount = used = 0;
        DropMirror();
        SyncNative();
    }

    private void Resize(int minUsed)
    {
        DropMirror(); // entries move to other positions
        int size = 8;
        while (size * 2 / 3 < minUsed)
        {
            size <<= 1;
        }
        var old = entries;
        int oldCount = entryCount;
        indices = NewIndices(size);
        entries = new Entry[size * 2 / 3];
        tableShared = false;
        entryCount = 0;
        for (int i = 0; i < oldCount; i++)
        {
            if (old[i].Key is not null)
            {
                entries[entryCount] = old[i];
                int mask = size - 1;
                ulong perturb = (ulong)old[i].Hash;
                int j = (int)((ulong)old[i].Hash & (ulong)mask);
                while (indices[j] != Empty)
                {
                    perturb >>= 5;
                    j = (int)(((ulong)j * 5 + 1 + perturb) & (ulong)mask);
                }
                indices[j] = entryCount++;
            }
        }
    }

    /// <summary>dict.copy(): when no entry was deleted, the copy shares the table and
    /// whichever of the two changes first clones it (many copies are only read); otherwise
    /// the table is rebuilt.</summary>
    internal PyDict Copy()
    {
        var copy = new PyDict();
        if (used == 0)
        {
            return copy;
        }
        if (entryCount == used)
        {
            copy.indices = indices;
            copy.entries = entries;
            copy.entryCount = copy.used = used;
            tableShared = copy.tableShared = true;
            return copy;
        }
        foreach (var (k, v) in Items())
        {
            copy.SetItem(k, v);
        }
        return copy;
    }

    private void Unshare()
    {
        if (tableShared)
        {
            // (Array.Clone would go through a runtime call; copying spans does not.)
            indices = indices.AsSpan().ToArray();
            entries = entries.AsSpan().ToArray();
            tableShared = false;
        }
    }

    /// <summary>PyDict_Next: the next live entry at or after <paramref name="pos"/>.</summary>
    internal bool Next(ref nint pos, out PyObject key, out PyObject value)
    {
        for (nint i = pos; i < entryCount; i++)
        {
            if (entries[i].Key is { } k)
            {
                key = k;
                value = entries[i].Value!;
                pos = i + 1;
                return true;
            }
        }
        key = value = null!;
        return false;
    }

    internal nint EntryCount => entryCount;

    /// <summary>Next's mirror for reversed(): the live entry at or before pos, then pos moves before it.</summary>
    internal bool Previous(ref nint pos, out PyObject key, out PyObject value)
    {
        for (nint i = Math.Min(pos, entryCount - 1); i >= 0; i--)
        {
            if (entries[i].Key is { } k)
            {
                key = k;
                value = entries[i].Value!;
                pos = i - 1;
                return true;
            }
        }
        key = value = null!;
        return false;
    }

    /// <summary>popitem(): removes and returns the last inserted entry (LIFO), null when empty.</summary>
    internal (PyObject Key, PyObject Value)? PopLast()
    {
        for (int i = entryCount - 1; i >= 0; i--)
        {
            if (entries[i].Key is { } k)
            {
                var v = entries[i].Value!;
                DelItem(k);
                entryCount = i; // what follows the last live entry is all deleted
                SyncNative();
                return (k, v);
            }
        }
        return null;
    }

    internal IEnumerable<(PyObject Key, PyObject Value)> Items()
    {
        for (int i = 0; i < entryCount; i++)
        {
            if (entries[i].Key is { } k)
            {
                yield return (k, entries[i].Value!);
            }
        }
    }

    internal override PyStr ReprCore()
    {
        if (used == 0)
        {
            return new PyStr("{}");
        }
        using var guard = ReprGuard.Enter(this);
        if (guard.Recursive)
        {
            return new PyStr("{...}");
        }
        var parts = Items().Select(kv => $"{kv.Key.ReprString()}: {kv.Value.ReprString()}").ToList();
        return new PyStr("{" + string.Join(", ", parts) + "}");
    }

    internal override bool IsTrue() => used != 0;

    internal override long HashCore() => throw Abstract.Unhashable(this);

    /// <summary>dict_merge: another dict's items, or any mapping's through keys() and [].</summary>
    internal void Merge(PyObject other, bool overwrite)
    {
        if (other is PyDict d)
        {
            foreach (var (k, v) in d.Items().ToList())
            {
                if (overwrite || GetItem(k) is null)
                {
                    SetItem(k, v);
                }
            }
            return;
        }
        foreach (var k in Mapping.Keys(other).ToArray())
        {
            if (overwrite || GetItem(k) is null)
            {
                SetItem(k, Abstract.GetItem(other, k));
            }
        }
    }

    /// <summary>PyDict_MergeFromSeq2: key/value pairs from an iterable of 2-item sequences.</summary>
    internal void MergeFromPairs(PyObject pairs, bool overwrite)
    {
        long i = 0;
        foreach (var item in Abstract.Iterate(pairs))
        {
            PyObject[] pair;
            try
            {
                pair = Abstract.Items(item);
            }
            catch (PythonException e) when (e.Type is PyType t && t.IsSubtypeOf(PyExc.TypeError))
            {
                throw new PythonException(PyExc.TypeError, $"cannot convert dictionary update sequence element #{i} to a sequence");
            }
            if (pair.Length != 2)
            {
                throw new PythonException(PyExc.ValueError,
                    $"dictionary update sequence element #{i} has length {pair.Length}; 2 is required");
            }
            if (overwrite || GetItem(pair[0]) is null)
            {
                SetItem(pair[0], pair[1]);
            }
            i++;
        }
    }

    /// <summary>dict.update's argument: a mapping if it has keys(), else pairs.</summary>
    internal void Update(PyObject arg)
    {
        if (arg is PyDict || Mapping.HasAttribute(arg, "keys"))
        {
            Merge(arg, overwrite: true);
        }
        else
        {
            MergeFromPairs(arg, overwrite: true);
        }
    }

    internal override PyObject RichCompareCore(PyObject other, CompareOp op)
    {
        if (other is not PyDict d || (op != CompareOp.Eq && op != CompareOp.Ne))
        {
            return PyNotImplemented.Instance;
        }
        bool equal = used == d.used && Items().All(kv => d.GetItem(kv.Key) is { } v && Abstract.RichCompareBool(kv.Value, v, CompareOp.Eq));
        return PyBool.Of(equal == (op == CompareOp.Eq));
    }
}

internal static unsafe class DictApi
{
    /// <summary>The dict a call works on (and does not keep).</summary>
    private static PyDict RequireDict(BorrowedReference o) =>
        ObjectSpace.FromNativeForCallOrNull(o) as PyDict ?? throw Abstract.BadInternalCall();


    /// <summary>A key found by identity is remembered in the dict's native lookup cache,
    /// which serves the next such lookups in C (dictobject.c).</summary>
    [CApi(SlowPath = true)]
    internal static BorrowedReference PyDict_GetItemWithError(BorrowedReference mp, BorrowedReference key)
    {
        var d = RequireDict(mp);
        var k = ObjectSpace.FromNativeForCall(key);
        if (d.Lookup(k, Abstract.Hash(k)) is not { } entry)
        {
            return BorrowedReference.Null;
        }
        var value = ObjectSpace.Borrow(entry.Value);
        if (ReferenceEquals(entry.Key, k))
        {
            d.RememberHit(key.Address, value.Address, lookup: true);
        }
        return value;
    }

    [CApi]
    internal static BorrowedReference _PyDict_GetItem_KnownHash(BorrowedReference mp, BorrowedReference key, nint hash) =>
        RequireDict(mp).GetItem(ObjectSpace.FromNativeForCall(key), hash) is { } v ? ObjectSpace.Borrow(v) : BorrowedReference.Null;

    [CApi(Error = "0")]
    internal static BorrowedReference PyDict_GetItemString(BorrowedReference mp, string key)
    {
        if (ObjectSpace.FromNativeForCallOrNull(mp) is not PyDict d)
        {
            return BorrowedReference.Null;
        }
        return d.GetItem(new PyStr(key)) is { } v ? ObjectSpace.Borrow(v) : BorrowedReference.Null;
    }

    /// <summary>PyDict_GetItemString that reports errors: NULL alone means missing.</summary>
    [CApi]
    internal static BorrowedReference _PyDict_GetItemStringWithError(BorrowedReference mp, string key) =>
        RequireDict(mp).GetItem(new PyStr(key)) is { } v ? ObjectSpace.Borrow(v) : BorrowedReference.Null;

    [CApi]
    internal static int _PyDict_SetItem_KnownHash(BorrowedReference mp, BorrowedReference key, BorrowedReference item, nint hash)
    {
        var d = RequireDict(mp);
        if (key.IsNull || item.IsNull)
        {
            throw Abstract.BadInternalCall();
        }
        d.SetItem(ObjectSpace.FromNative(key), hash, ObjectSpace.FromNative(item));
        return 0;
    }

    [CApi]
    internal static NewReference _PyDict_Pop(BorrowedReference mp, BorrowedReference key, BorrowedReference deflt)
    {
        var d = RequireDict(mp);
        var k = ObjectSpace.FromNativeForCall(key);
        if (d.GetItem(k) is { } value)
        {
            d.DelItem(k);
            return ObjectSpace.NewRef(value);
        }
        return !deflt.IsNull ? ObjectSpace.NewRef(ObjectSpace.FromNative(deflt))
            : throw new PythonException(PyBaseException.Create(PyExc.KeyError, [ObjectSpace.FromNative(key)]));
    }

    [CApi]
    internal static int PyDict_SetItem(BorrowedReference mp, BorrowedReference key, BorrowedReference item)
    {
        var d = RequireDict(mp);
        if (key.IsNull || item.IsNull)
        {
            throw Abstract.BadInternalCall();
        }
        var k = ObjectSpace.FromNative(key);
        if (d.SetItem(k, Abstract.Hash(k), ObjectSpace.FromNative(item)))
        {
            d.RememberHit(key.Address, item.Address, lookup: false); // a lookup after a store is common
        }
        return 0;
    }

    [CApi]
    internal static int PyDict_SetItemString(BorrowedReference mp, string key, BorrowedReference item)
    {
        RequireDict(mp).SetItem(new PyStr(key), ObjectSpace.FromNative(item));
        return 0;
    }

    [CApi]
    internal static int PyDict_DelItem(BorrowedReference mp, BorrowedReference key)
    {
        var k = ObjectSpace.FromNative(key);
        if (!RequireDict(mp).DelItem(k))
        {
            throw new PythonException(PyBaseException.Create(PyExc.KeyError, [k]));
        }
        return 0;
    }

    [CApi]
    internal static int PyDict_DelItemString(BorrowedReference mp, string key)
    {
        var k = new PyStr(key);
        if (!RequireDict(mp).DelItem(k))
        {
            throw new PythonException(PyBaseException.Create(PyExc.KeyError, [k]));
        }
        return 0;
    }

    [CApi]
    internal static void PyDict_Clear(BorrowedReference mp)
    {
        if (ObjectSpace.FromNativeForCallOrNull(mp) is PyDict d)
        {
            d.Clear();
        }
    }

    /// <summary>The first PyDict_Next from C mirrors the entries natively: the next ones
    /// are served in C (dictobject.c).</summary>
    [CApi(Error = "0", SlowPath = true)]
    internal static int PyDict_Next(BorrowedReference mp, nint* pos, nint* key, nint* value)
    {
        if (ObjectSpace.FromNativeForCallOrNull(mp) is not PyDict d)
        {
            return 0;
        }
        d.BuildMirror();
        if (!d.Next(ref *pos, out var k, out var v))
        {
            return 0;
        }
        if (key != null)
        {
            *key = ObjectSpace.ToNative(k);
        }
        if (value != null)
        {
            *value = ObjectSpace.ToNative(v);
        }
        return 1;
    }

    [CApi(SlowPath = true)]
    internal static nint PyDict_Size(BorrowedReference mp) => RequireDict(mp).Count;

    [CApi]
    internal static NewReference PyDict_Keys(BorrowedReference mp) =>
        ObjectSpace.NewRef(PyList.Create(RequireDict(mp).Items().Select(kv => kv.Key)));

    [CApi]
    internal static NewReference PyDict_Values(BorrowedReference mp) =>
        ObjectSpace.NewRef(PyList.Create(RequireDict(mp).Items().Select(kv => kv.Value)));

    [CApi]
    internal static NewReference PyDict_Items(BorrowedReference mp) =>
        ObjectSpace.NewRef(PyList.Create(RequireDict(mp).Items().Select(kv => (PyObject)PyTuple.Create([kv.Key, kv.Value])).ToList()));

    [CApi]
    internal static NewReference PyDict_Copy(BorrowedReference mp) => ObjectSpace.NewFresh(RequireDict(mp).Copy());

    [CApi]
    internal static int PyDict_Contains(BorrowedReference mp, BorrowedReference key) =>
        RequireDict(mp).GetItem(ObjectSpace.FromNativeForCall(key)) is null ? 0 : 1;

    [CApi]
    internal static int PyDict_Merge(BorrowedReference mp, BorrowedReference other, int @override)
    {
        RequireDict(mp).Merge(ObjectSpace.FromNativeOrNull(other) ?? throw Abstract.BadInternalCall(), @override != 0);
        return 0;
    }

    [CApi]
    internal static int PyDict_MergeFromSeq2(BorrowedReference mp, BorrowedReference seq2, int @override)
    {
        RequireDict(mp).MergeFromPairs(ObjectSpace.FromNativeOrNull(seq2) ?? throw Abstract.BadInternalCall(), @override != 0);
        return 0;
    }

    [CApi]
    internal static NewReference PyDictProxy_New(BorrowedReference mapping) =>
        ObjectSpace.NewRef(PyMappingProxy.Create(ObjectSpace.FromNativeOrNull(mapping) ?? throw Abstract.BadInternalCall()));

    [CApi]
    internal static int PyDict_Update(BorrowedReference mp, BorrowedReference other) => PyDict_Merge(mp, other, 1);

    [CApi]
    internal static BorrowedReference PyDict_SetDefault(BorrowedReference mp, BorrowedReference key, BorrowedReference defaultobj)
    {
        var d = RequireDict(mp);
        var k = ObjectSpace.FromNative(key);
        if (d.GetItem(k) is { } existing)
        {
            return ObjectSpace.Borrow(existing);
        }
        var v = ObjectSpace.FromNative(defaultobj);
        d.SetItem(k, v);
        return ObjectSpace.Borrow(v);
    }
}

internal enum DictViewKind { Keys, Values, Items }

/// <summary>dict_keys / dict_values / dict_items: live views of a dict.</summary>
internal sealed class PyDictView(PyDict dict, DictViewKind kind) : PyObject(TypeOf(kind))
{
    internal readonly PyDict Source = dict;
    internal readonly DictViewKind Kind = kind;

    private static PyType TypeOf(DictViewKind kind) => BuiltinTypes.Get(kind switch
    {
        DictViewKind.Keys => "dict_keys",
        DictViewKind.Values => "dict_values",
        _ => "dict_items",
    });

    internal bool Contains(PyObject item) => Kind switch
    {
        DictViewKind.Keys => Source.GetItem(item) is not null,
        DictViewKind.Items => item is PyTuple { Count: 2 } pair && Source.GetItem(pair[0]) is { } v
            && Abstract.RichCompareBool(v, pair[1], CompareOp.Eq),
        _ => Source.Items().Any(kv => Abstract.RichCompareBool(kv.Value, item, CompareOp.Eq)),
    };

    internal override bool IsTrue() => Source.Count != 0;

    /// <summary>Keys and items views compare as sets with sets and other set-like views; values never.</summary>
    internal override PyObject RichCompareCore(PyObject other, CompareOp op)
    {
        if (Kind == DictViewKind.Values || other is not (PySet or PyDictView { Kind: not DictViewKind.Values }))
        {
            return base.RichCompareCore(other, op);
        }
        long mine = Source.Count, theirs = Abstract.Length(other);
        bool InOther() => Abstract.Iterate(this).All(item => Abstract.Contains(other, item));
        bool InThis() => Abstract.Iterate(other).All(Contains);
        return PyBool.Of(op switch
        {
            CompareOp.Eq => mine == theirs && InOther(),
            CompareOp.Ne => !(mine == theirs && InOther()),
            CompareOp.Lt => mine < theirs && InOther(),
            CompareOp.Le => mine <= theirs && InOther(),
            CompareOp.Gt => mine > theirs && InThis(),
            _ => mine >= theirs && InThis(),
        });
    }

    /// <summary>Keys and items views compare but do not hash; a values view keeps object's hash.</summary>
    internal override long HashCore() => Kind == DictViewKind.Values ? base.HashCore() : throw Abstract.Unhashable(this);

    internal override PyStr ReprCore()
    {
        using var guard = ReprGuard.Enter(this);
        if (guard.Recursive)
        {
            return new PyStr("...");
        }
        return new PyStr($"{Type.Name}({Abstract.ToList(this).ReprString()})");
    }
}

/// <summary>|, &amp;, - and ^ of keys and items views (either operand; the other any
/// iterable): a new set, as CPython's dictviews_* build it.</summary>
internal static class DictViewArithmetic
{
    internal static readonly NumberSlots Slots = Create();

    private static NumberSlots Create()
    {
        var slots = new NumberSlots();
        slots.Binary[(int)NumberOp.Or] = (v, w) => WithSetOf(v, set => set.Update(w));
        slots.Binary[(int)NumberOp.Subtract] = (v, w) => WithSetOf(v, set => set.DifferenceUpdate(w));
        slots.Binary[(int)NumberOp.Xor] = (v, w) => WithSetOf(v, set => set.SymmetricDifferenceUpdate(w));
        slots.Binary[(int)NumberOp.And] = Intersect;
        return slots;
    }

    private static PySet WithSetOf(PyObject left, Action<PySet> update)
    {
        var set = PySet.Create(BuiltinTypes.Set, left);
        update(set);
        return set;
    }

    /// <summary>The view's own membership test over the other operand's items (the view may be either side).</summary>
    private static PyObject Intersect(PyObject v, PyObject w)
    {
        var (view, other) = v is PyDictView dv ? (dv, w) : ((PyDictView)w, v);
        var result = PySet.Create(BuiltinTypes.Set, null);
        foreach (var item in Abstract.Iterate(other))
        {
            if (view.Contains(item))
            {
                result.AddKey(item);
            }
        }
        return result;
    }
}

/// <summary>dict_keyiterator / dict_valueiterator / dict_itemiterator and their reversed
/// forms. A dict that changes size while iterated makes every further step fail; one that
/// kept its size but yields more entries than it had (keys replaced) fails once and ends,
/// as in CPython.</summary>
internal sealed class PyDictIterator(PyDict dict, DictViewKind kind, bool reversed = false)
    : PyIterator(TypeOf(kind, reversed))
{
    private PyDict? dict = dict;
    private int expectedSize = dict.Count;
    private nint position = reversed ? dict.EntryCount - 1 : 0;
    private long remaining = dict.Count;

    private static PyType TypeOf(DictViewKind kind, bool reversed) => BuiltinTypes.Get(kind switch
    {
        DictViewKind.Keys => reversed ? "dict_reversekeyiterator" : "dict_keyiterator",
        DictViewKind.Values => reversed ? "dict_reversevalueiterator" : "dict_valueiterator",
        _ => reversed ? "dict_reverseitemiterator" : "dict_itemiterator",
    });

    internal override PyObject? Next()
    {
        if (dict is null)
        {
            return null;
        }
        if (dict.Count != expectedSize)
        {
            expectedSize = -1;
            throw new PythonException(PyExc.RuntimeError, "dictionary changed size during iteration");
        }
        if (!(reversed ? dict.Previous(ref position, out var key, out var value) : dict.Next(ref position, out key, out value)))
        {
            dict = null;
            return null;
        }
        if (remaining == 0)
        {
            dict = null;
            throw new PythonException(PyExc.RuntimeError, "dictionary keys changed during iteration");
        }
        remaining--;
        return kind switch
        {
            DictViewKind.Keys => key,
            DictViewKind.Values => value,
            _ => PyTuple.Create([key, value]),
        };
    }

    internal override long? LengthHint() => dict is not null && dict.Count == expectedSize ? remaining : 0;
}

/// <summary>mappingproxy: a read-only view of a mapping (PyDictProxy_New).</summary>
internal sealed class PyMappingProxy : PyObject
{
    internal readonly PyObject Mapping;

    private PyMappingProxy(PyObject mapping) : base(BuiltinTypes.Get("mappingproxy")) => Mapping = mapping;

    /// <summary>Only mappings, and not the sequences that also have mp_subscript.</summary>
    internal static PyMappingProxy Create(PyObject mapping) =>
        !Abstract.IsMapping(mapping) || mapping is PyList or PyTuple
            ? throw new PythonException(PyExc.TypeError, $"mappingproxy() argument must be a mapping, not {mapping.Type.Name}")
            : new PyMappingProxy(mapping);

    internal override PyStr ReprCore() => new($"mappingproxy({Mapping.ReprString()})");

    internal override PyStr StrCore() => Mapping.Str();

    internal override PyObject RichCompareCore(PyObject other, CompareOp op) => Abstract.RichCompare(Mapping, other, op);

    /// <summary>The read-only methods, forwarded to the mapping.</summary>
    internal static void AddMethods(PyType type)
    {
        foreach (var name in new[] { "keys", "values", "items", "copy", "get" })
        {
            PyBuiltinMethodDescriptor.Add(type, name, (self, args, kwargs) =>
                Abstract.Call(((PyMappingProxy)self!).Mapping.GetAttr(new PyStr(name)), PyTuple.Create(args), kwargs));
        }
    }
}

/// <summary>The methods of dict, dict views and the dict constructor.</summary>
/// <summary>dict's own arithmetic slots: | makes a merged copy of two dicts, |= updates the
/// dict in place from anything dict.update takes.</summary>
internal static class DictArithmetic
{
    internal static readonly NumberSlots Slots = CreateSlots();

    private static NumberSlots CreateSlots()
    {
        var s = new NumberSlots();
        s.Binary[(int)NumberOp.Or] = (v, w) =>
        {
            if ((v, w) is not (PyDict a, PyDict b))
            {
                return PyNotImplemented.Instance;
            }
            var merged = a.Copy();
            merged.Merge(b, overwrite: true);
            return merged;
        };
        s.InPlace[(int)NumberOp.Or] = (v, w) =>
        {
            ((PyDict)v).Update(w);
            return v;
        };
        return s;
    }
}

internal static class DictMethods
{
    private static PyDict Self(PyObject? self) => (PyDict)self!;

    private static PyObject Optional(PyObject[] args, int i) => args.Length > i ? args[i] : PyNone.Instance;

    internal static void Register()
    {
        var dict = BuiltinTypes.Dict;
        dict.Constructor = (type, args, kwargs) =>
        {
            var a = args.ToArray();
            ArgCheck.Range("dict", a, 0, 1);
            var d = new PyDict();
            if (a.Length == 1)
            {
                d.Update(a[0]);
            }
            if (kwargs is not null)
            {
                d.Merge(kwargs, overwrite: true);
            }
            return d;
        };
        void Add(string name, BuiltinBody body) => PyBuiltinMethodDescriptor.Add(dict, name, body);
        void AddNoArgs(string name, Func<PyDict, PyObject> body) => Add(name, (self, args, kwargs) =>
        {
            ArgCheck.None($"dict.{name}", args, kwargs);
            return body(Self(self));
        });

        AddNoArgs("keys", d => new PyDictView(d, DictViewKind.Keys));
        AddNoArgs("values", d => new PyDictView(d, DictViewKind.Values));
        AddNoArgs("items", d => new PyDictView(d, DictViewKind.Items));
        AddNoArgs("__reversed__", d => new PyDictIterator(d, DictViewKind.Keys, reversed: true));
        AddNoArgs("copy", d => d.Copy());
        AddNoArgs("clear", d =>
        {
            d.Clear();
            return PyNone.Instance;
        });
        AddNoArgs("popitem", d => d.PopLast() is var (k, v) ? PyTuple.Create([k, v])
            : throw new PythonException(PyBaseException.Create(PyExc.KeyError, [new PyStr("popitem(): dictionary is empty")])));
        Add("get", (self, args, kwargs) =>
        {
            ArgCheck.NoKeywords("get", kwargs);
            ArgCheck.Range("get", args, 1, 2);
            return Self(self).GetItem(args[0]) ?? Optional(args, 1);
        });
        Add("setdefault", (self, args, kwargs) =>
        {
            ArgCheck.NoKeywords("setdefault", kwargs);
            ArgCheck.Range("setdefault", args, 1, 2);
            var d = Self(self);
            if (d.GetItem(args[0]) is { } existing)
            {
                return existing;
            }
            var value = Optional(args, 1);
            d.SetItem(args[0], value);
            return value;
        });
        Add("pop", (self, args, kwargs) =>
        {
            ArgCheck.NoKeywords("pop", kwargs);
            ArgCheck.Range("pop", args, 1, 2);
            var d = Self(self);
            if (d.GetItem(args[0]) is { } value)
            {
                d.DelItem(args[0]);
                return value;
            }
            return args.Length == 2 ? args[1] : throw new PythonException(PyBaseException.Create(PyExc.KeyError, [args[0]]));
        });
        Add("update", (self, args, kwargs) =>
        {
            ArgCheck.Range("update", args, 0, 1);
            var d = Self(self);
            if (args.Length == 1)
            {
                d.Update(args[0]);
            }
            if (kwargs is not null)
            {
                d.Merge(kwargs, overwrite: true);
            }
            return PyNone.Instance;
        });
        PyBuiltinMethodDescriptor.Add(dict, "__contains__", (self, args, kwargs) =>
            PyBool.Of(Self(self).GetItem(ArgCheck.One("dict.__contains__", args, kwargs)) is not null));
        // A method, not mp_subscript's slot wrapper (METH_COEXIST in CPython).
        PyBuiltinMethodDescriptor.Add(dict, "__getitem__", (self, args, kwargs) =>
            Abstract.GetItemOfKind(Self(self), ArgCheck.One("dict.__getitem__", args, kwargs)));
        PyBuiltinClassMethodDescriptor.Add(dict, "fromkeys", (cls, args, kwargs) =>
        {
            ArgCheck.NoKeywords("fromkeys", kwargs);
            ArgCheck.Range("fromkeys", args, 1, 2);
            var result = Abstract.Call(cls!, PyTuple.Empty, null);
            var value = Optional(args, 1);
            foreach (var key in Abstract.Iterate(args[0]))
            {
                Abstract.SetItem(result, key, value);
            }
            return result;
        });

        foreach (var name in new[] { "dict_keys", "dict_values", "dict_items" })
        {
            var view = BuiltinTypes.Get(name);
            PyBuiltinMethodDescriptor.Add(view, "__reversed__", (self, args, kwargs) =>
            {
                ArgCheck.None($"{name}.__reversed__", args, kwargs);
                var v = (PyDictView)self!;
                return new PyDictIterator(v.Source, v.Kind, reversed: true);
            });
            PyGetSetDescriptor.Add(view, "mapping", o => PyMappingProxy.Create(((PyDictView)o).Source));
            if (name != "dict_values")
            {
                PyBuiltinMethodDescriptor.Add(view, "isdisjoint", (self, args, kwargs) =>
                {
                    var other = ArgCheck.One($"{name}.isdisjoint", args, kwargs);
                    var v = (PyDictView)self!;
                    return PyBool.Of(!Abstract.Iterate(other).Any(v.Contains));
                });
            }
        }
        PyMappingProxy.AddMethods(BuiltinTypes.Get("mappingproxy"));
        foreach (var name in new[] { "dict_keyiterator", "dict_valueiterator", "dict_itemiterator",
                     "dict_reversekeyiterator", "dict_reversevalueiterator", "dict_reverseitemiterator" })
        {
            PyIterator.AddLengthHint(BuiltinTypes.Get(name));
        }

    }
}
