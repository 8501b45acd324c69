using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>dict: an insertion-ordered hash table with Python's key semantics (hash,
/// then identity or ==), laid out as CPython's: a sparse index over a dense entry
/// array, so PyDict_Next's position is an entry index. The native half is the
/// PyDictObject header, whose ma_used is kept current for PyDict_GET_SIZE.</summary>
internal sealed class PyDict : PyObject
{
    private struct Entry
    {
        public long Hash;
        public PyObject? Key;
        public PyObject? Value;
    }

    private const int Empty = -1, Deleted = -2;
    private int[] indices = NewIndices(8);
    private Entry[] entries = new Entry[5];
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

    internal override unsafe nint CreateNative()
    {
        nint p = ObjectSpace.AllocateObject((nuint)sizeof(PyDictLayout), Type);
        ((PyDictLayout*)p)->ma_used = used;
        return p;
    }

    private unsafe void SyncNative()
    {
        if (Native != 0)
        {
            ((PyDictLayout*)Native)->ma_used = used;
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
                if (ReferenceEquals(e.Key, key) || (e.Hash == hash && Abstract.RichCompareBool(e.Key!, key, CompareOp.Eq)))
                {
                    entryIndex = ix;
                    return i;
                }
            }
            perturb >>= 5;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)mask);
        }
    }

    internal PyObject? GetItem(PyObject key) => GetItem(key, Abstract.Hash(key));

    internal PyObject? GetItem(PyObject key, long hash)
    {
        FindSlot(key, hash, out int ix);
        return ix < 0 ? null : entries[ix].Value;
    }

    internal void SetItem(PyObject key, PyObject value) => SetItem(key, Abstract.Hash(key), value);

    internal void SetItem(PyObject key, long hash, PyObject value)
    {
        int slot = FindSlot(key, hash, out int ix);
        if (ix >= 0)
        {
            entries[ix].Value = value;
            return;
        }
        if (entryCount == entries.Length)
        {
            Resize(Math.Max(8, used * 3));
            slot = FindSlot(key, hash, out _);
        }
        entries[entryCount] = new Entry { Hash = hash, Key = key, Value = value };
        indices[slot] = entryCount++;
        used++;
        SyncNative();
    }

    /// <summary>Removes the key; false if it was not there.</summary>
    internal bool DelItem(PyObject key)
    {
        int slot = FindSlot(key, Abstract.Hash(key), out int ix);
        if (ix < 0)
        {
            return false;
        }
        indices[slot] = Deleted;
        entries[ix] = default;
        used--;
        SyncNative();
        return true;
    }

    internal void Clear()
    {
        indices = NewIndices(8);
        entries = new Entry[5];
        entryCount = used = 0;
        SyncNative();
    }

    private void Resize(int minUsed)
    {
        int size = 8;
        while (size * 2 / 3 < minUsed)
        {
            size <<= 1;
        }
        var old = entries;
        int oldCount = entryCount;
        indices = NewIndices(size);
        entries = new Entry[size * 2 / 3];
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

    internal override PyStr Repr()
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

    internal override long Hash() => throw Abstract.Unhashable(this);

    internal override PyObject RichCompare(PyObject other, CompareOp op)
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
    private static PyDict RequireDict(BorrowedReference o) =>
        ObjectSpace.FromNativeOrNull(o) as PyDict ?? throw Abstract.BadInternalCall();

    [CApi]
    internal static NewReference PyDict_New() => ObjectSpace.NewRef(new PyDict());

    /// <summary>Borrowed, and errors are swallowed (the historical PyDict_GetItem contract).</summary>
    [CApi(Error = "0")]
    internal static BorrowedReference PyDict_GetItem(BorrowedReference mp, BorrowedReference key)
    {
        if (ObjectSpace.FromNativeOrNull(mp) is not PyDict d)
        {
            return BorrowedReference.Null;
        }
        var saved = PythonException.Fetch();
        try
        {
            return d.GetItem(ObjectSpace.FromNative(key)) is { } v ? ObjectSpace.Borrow(v) : BorrowedReference.Null;
        }
        catch (PythonException)
        {
            return BorrowedReference.Null;
        }
        finally
        {
            saved?.Restore();
        }
    }

    [CApi]
    internal static BorrowedReference PyDict_GetItemWithError(BorrowedReference mp, BorrowedReference key) =>
        RequireDict(mp).GetItem(ObjectSpace.FromNative(key)) is { } v ? ObjectSpace.Borrow(v) : BorrowedReference.Null;

    [CApi]
    internal static BorrowedReference _PyDict_GetItem_KnownHash(BorrowedReference mp, BorrowedReference key, nint hash) =>
        RequireDict(mp).GetItem(ObjectSpace.FromNative(key), hash) is { } v ? ObjectSpace.Borrow(v) : BorrowedReference.Null;

    [CApi(Error = "0")]
    internal static BorrowedReference PyDict_GetItemString(BorrowedReference mp, string key)
    {
        if (ObjectSpace.FromNativeOrNull(mp) is not PyDict d)
        {
            return BorrowedReference.Null;
        }
        return d.GetItem(new PyStr(key)) is { } v ? ObjectSpace.Borrow(v) : BorrowedReference.Null;
    }

    [CApi]
    internal static int PyDict_SetItem(BorrowedReference mp, BorrowedReference key, BorrowedReference item)
    {
        var d = RequireDict(mp);
        if (key.IsNull || item.IsNull)
        {
            throw Abstract.BadInternalCall();
        }
        d.SetItem(ObjectSpace.FromNative(key), ObjectSpace.FromNative(item));
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
        if (ObjectSpace.FromNativeOrNull(mp) is PyDict d)
        {
            d.Clear();
        }
    }

    [CApi(Error = "0")]
    internal static int PyDict_Next(BorrowedReference mp, nint* pos, nint* key, nint* value)
    {
        if (ObjectSpace.FromNativeOrNull(mp) is not PyDict d || !d.Next(ref *pos, out var k, out var v))
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

    [CApi]
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
    internal static NewReference PyDict_Copy(BorrowedReference mp)
    {
        var copy = new PyDict();
        foreach (var (k, v) in RequireDict(mp).Items().ToList())
        {
            copy.SetItem(k, v);
        }
        return ObjectSpace.NewRef(copy);
    }

    [CApi]
    internal static int PyDict_Contains(BorrowedReference mp, BorrowedReference key) =>
        RequireDict(mp).GetItem(ObjectSpace.FromNative(key)) is null ? 0 : 1;

    [CApi]
    internal static int PyDict_Merge(BorrowedReference mp, BorrowedReference other, int @override)
    {
        var d = RequireDict(mp);
        if (ObjectSpace.FromNativeOrNull(other) is not PyDict o)
        {
            throw Abstract.BadInternalCall();
        }
        foreach (var (k, v) in o.Items().ToList())
        {
            if (@override != 0 || d.GetItem(k) is null)
            {
                d.SetItem(k, v);
            }
        }
        return 0;
    }

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
