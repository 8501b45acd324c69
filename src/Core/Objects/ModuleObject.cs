using System.Runtime.InteropServices;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>A module: its dict, and for extension modules the PyModuleDef and the
/// per-module state block (m_size bytes, zeroed, owned by the module).</summary>
internal sealed unsafe class PyModule : PyObject
{
    internal readonly PyDict ModuleDict = new();
    internal PyModuleDefLayout* Def;
    internal nint State;

    internal PyModule(string name) : base(BuiltinTypes.Module)
    {
        ModuleDict.SetItem(new PyStr("__name__"), new PyStr(name));
        ModuleDict.SetItem(new PyStr("__doc__"), PyNone.Instance);
        ModuleDict.SetItem(new PyStr("__package__"), PyNone.Instance);
        ModuleDict.SetItem(new PyStr("__loader__"), PyNone.Instance);
        ModuleDict.SetItem(new PyStr("__spec__"), PyNone.Instance);
    }

    internal override PyDict? Dict => ModuleDict;

    internal string Name => ModuleDict.GetItem(new PyStr("__name__")) is PyStr s ? s.Value : "?";

    internal override nint CreateNative()
    {
        nint p = ObjectSpace.AllocateObject((nuint)sizeof(PyModuleLayout), Type);
        var l = (PyModuleLayout*)p;
        l->md_dict = ObjectSpace.ToNative(ModuleDict);
        l->md_def = (nint)Def;
        l->md_state = State;
        return p;
    }

    /// <summary>A module of the runtime itself (sys, builtins): its spec says "built-in".</summary>
    internal static PyModule BuiltIn(string name)
    {
        var module = new PyModule(name);
        module.ModuleDict.SetItem(new PyStr("__spec__"), new PyModuleSpec(name, "built-in", hasLocation: false));
        return module;
    }

    /// <summary>importlib's _module_repr: from the spec when there is one, else from
    /// __file__ or the loader.</summary>
    internal override PyStr ReprCore()
    {
        PyObject? Entry(string key) => ModuleDict.GetItem(new PyStr(key));
        if (Entry("__spec__") is { } spec && spec is not PyNone && spec.IsTrue())
        {
            return PyModuleSpec.ModuleRepr(spec);
        }
        string name = (Entry("__name__") ?? new PyStr("?")).ReprString();
        if (Entry("__file__") is { } file)
        {
            return new PyStr($"<module {name} from {file.ReprString()}>");
        }
        return Entry("__loader__") is { } loader and not PyNone
            ? new PyStr($"<module {name} ({loader.ReprString()})>")
            : new PyStr($"<module {name}>");
    }

    /// <summary>module_getattro: __dict__ (a read-only member), the generic lookup, then the
    /// module's __getattr__ (PEP 562).</summary>
    internal override PyObject GetAttr(PyStr name)
    {
        if (name.Value == "__dict__")
        {
            return ModuleDict;
        }
        if (Attributes.TryGenericGetAttr(this, name, out var value))
        {
            return value;
        }
        if (ModuleDict.GetItem(new PyStr("__getattr__")) is { } hook)
        {
            return Abstract.Call(hook, PyTuple.Create([name]), null);
        }
        throw new PythonException(PyExc.AttributeError, $"module '{Name}' has no attribute '{name.Value}'");
    }

    internal override void SetAttr(PyStr name, PyObject? value)
    {
        if (name.Value == "__dict__")
        {
            throw new PythonException(PyExc.AttributeError, "readonly attribute");
        }
        Attributes.GenericSetAttr(this, name, value);
    }

    /// <summary>Adds the PyMethodDef array as functions bound to the module.</summary>
    internal void AddFunctions(PyMethodDefLayout* defs)
    {
        var moduleName = new PyStr(Name);
        for (; defs != null && defs->ml_name != null; defs++)
        {
            if ((defs->ml_flags & (MethFlags.Class | MethFlags.Static)) != 0)
            {
                throw new PythonException(PyExc.ValueError, "module functions cannot set METH_CLASS or METH_STATIC");
            }
            var f = new PyCFunction(defs, this, moduleName);
            ModuleDict.SetItem(new PyStr(f.Name), f);
        }
    }

    internal void SetDoc(byte* doc)
    {
        if (doc != null)
        {
            ModuleDict.SetItem(new PyStr("__doc__"), new PyStr(Marshal.PtrToStringUTF8((nint)doc)!));
        }
    }

    /// <summary>The PyModuleDef parts every kind of creation shares: state, doc, functions.</summary>
    internal void ApplyDef(PyModuleDefLayout* def)
    {
        Def = def;
        if (def->m_size > 0)
        {
            State = CPart.PyMem_Malloc((nuint)def->m_size);
            if (State == 0)
            {
                throw new PythonException(PyExc.MemoryError);
            }
            new Span<byte>((void*)State, (int)def->m_size).Clear();
        }
        if (Native != 0)
        {
            ((PyModuleLayout*)Native)->md_def = (nint)def;
            ((PyModuleLayout*)Native)->md_state = State;
        }
        SetDoc(def->m_doc);
        AddFunctions(def->m_methods);
    }
}

/// <summary>A stand-in for importlib's ModuleSpec: what Py_mod_create sees as its spec and
/// what an imported module's __spec__ is. Origin is the file, or "built-in".</summary>
internal sealed class PyModuleSpec : PyObject
{
    private readonly PyDict attributes = new();

    internal PyModuleSpec(string name, string origin, bool hasLocation) : base(BuiltinTypes.Object)
    {
        Set("name", new PyStr(name));
        Set("loader", PyNone.Instance);
        Set("origin", new PyStr(origin));
        Set("loader_state", PyNone.Instance);
        Set("submodule_search_locations", PyNone.Instance);
        Set("cached", PyNone.Instance);
        Set("parent", new PyStr(name[..Math.Max(name.LastIndexOf('.'), 0)]));
        Set("has_location", PyBool.Of(hasLocation));
    }

    private void Set(string key, PyObject value) => attributes.SetItem(new PyStr(key), value);

    private PyObject Get(string key) => attributes.GetItem(new PyStr(key))!;

    internal override PyDict? Dict => attributes;

    internal override PyStr ReprCore() =>
        new($"ModuleSpec(name={Get("name").ReprString()}, loader={Get("loader").ReprString()}, origin={Get("origin").ReprString()})");

    /// <summary>_module_repr_from_spec, for any spec-like object.</summary>
    internal static PyStr ModuleRepr(PyObject spec)
    {
        PyObject Attr(string key) => Attributes.GetAttr(spec, new PyStr(key));
        var nameAttr = Attr("name");
        string name = nameAttr is PyNone ? "'?'" : nameAttr.ReprString();
        var origin = Attr("origin");
        if (origin is PyNone)
        {
            var loader = Attr("loader");
            return new PyStr(loader is PyNone ? $"<module {name}>" : $"<module {name} ({loader.ReprString()})>");
        }
        return new PyStr(Attr("has_location").IsTrue()
            ? $"<module {name} from {origin.ReprString()}>"
            : $"<module {name} ({origin.StrString()})>");
    }
}

internal static unsafe class ModuleApi
{
    private const int ModCreate = 1, ModExec = 2;

    private static PyModule Module(BorrowedReference m) =>
        ObjectSpace.FromNativeOrNull(m) as PyModule ?? throw Abstract.BadInternalCall();

    [CApi]
    internal static NewReference PyModule_New(string name) => ObjectSpace.NewRef(new PyModule(name));

    [CApi]
    internal static NewReference PyModule_NewObject(BorrowedReference name) =>
        ObjectSpace.NewRef(new PyModule(ObjectSpace.FromNative(name).StrString()));

    [CApi]
    internal static NewReference PyModule_Create2(PyModuleDefLayout* def, int apiver)
    {
        var name = Marshal.PtrToStringUTF8((nint)def->m_name)!;
        PyModuleDef_Init(def);
        var module = new PyModule(name);
        module.ApplyDef(def);
        return ObjectSpace.NewRef(module);
    }

    /// <summary>Marks a PyModuleDef as an object, for multi-phase initialisation.</summary>
    [CApi]
    internal static BorrowedReference PyModuleDef_Init(PyModuleDefLayout* def)
    {
        if (def->ob_base.ob_type == 0)
        {
            def->ob_base.ob_type = ObjectSpace.ToNative(BuiltinTypes.ModuleDef);
            def->ob_base.ob_refcnt = 1;
        }
        return new BorrowedReference((nint)def);
    }

    [CApi]
    internal static NewReference PyModule_FromDefAndSpec2(PyModuleDefLayout* def, BorrowedReference spec, int apiver)
    {
        PyModuleDef_Init(def);
        var specObj = ObjectSpace.FromNative(spec);
        var name = specObj.GetAttr(new PyStr("name"));
        PyObject? created = null;
        bool hasExec = false;
        for (var slot = def->m_slots; slot != null && slot->slot != 0; slot++)
        {
            switch (slot->slot)
            {
                case ModCreate when created is not null:
                    throw new PythonException(PyExc.SystemError, $"module {name.StrString()} has multiple create slots");
                case ModCreate:
                    var create = (delegate* unmanaged<nint, nint, nint>)slot->value;
                    nint result = create(spec.Address, (nint)def);
                    if (result == 0)
                    {
                        throw PythonException.Fetch() ?? new PythonException(PyExc.SystemError,
                            $"creation of module {name.StrString()} failed without setting an exception");
                    }
                    created = ObjectSpace.Steal(result);
                    break;
                case ModExec:
                    hasExec = true;
                    break;
                default:
                    if (slot->slot < 0 || slot->slot > ModExec)
                    {
                        throw new PythonException(PyExc.SystemError, $"module {name.StrString()} uses unknown slot ID {slot->slot}");
                    }
                    break;
            }
        }
        _ = hasExec;
        if (created is null)
        {
            var module = new PyModule(name.StrString());
            module.ApplyDef(def);
            return ObjectSpace.NewRef(module);
        }
        if (created is PyModule m)
        {
            m.ApplyDef(def);
        }
        else if (def->m_size > 0 || def->m_traverse != 0 || def->m_clear != 0 || def->m_free != 0)
        {
            throw new PythonException(PyExc.SystemError,
                $"module {name.StrString()} is not a module object, but requests module state");
        }
        return ObjectSpace.NewRef(created);
    }

    /// <summary>Runs the Py_mod_exec slots in order.</summary>
    [CApi]
    internal static int PyModule_ExecDef(BorrowedReference module, PyModuleDefLayout* def)
    {
        var m = ObjectSpace.FromNative(module);
        string name = m is PyModule pm ? pm.Name : m.GetAttr(new PyStr("__name__")).StrString();
        for (var slot = def->m_slots; slot != null && slot->slot != 0; slot++)
        {
            if (slot->slot != ModExec)
            {
                continue;
            }
            int rc = ((delegate* unmanaged<nint, int>)slot->value)(module.Address);
            var pending = PythonException.Fetch();
            if (rc != 0)
            {
                throw pending ?? new PythonException(PyExc.SystemError,
                    $"execution of module {name} failed without setting an exception");
            }
            if (pending is not null)
            {
                throw new PythonException(PyExc.SystemError,
                    $"execution of module {name} raised unreported exception");
            }
        }
        return 0;
    }

    [CApi]
    internal static BorrowedReference PyModule_GetDict(BorrowedReference m) => ObjectSpace.Borrow(Module(m).ModuleDict);

    [CApi]
    internal static NewReference PyModule_GetNameObject(BorrowedReference m) =>
        Module(m).ModuleDict.GetItem(new PyStr("__name__")) is PyStr s ? ObjectSpace.NewRef(s)
            : throw new PythonException(PyExc.SystemError, "nameless module");

    [CApi]
    internal static byte* PyModule_GetName(BorrowedReference m)
    {
        var name = Module(m).ModuleDict.GetItem(new PyStr("__name__"))
            ?? throw new PythonException(PyExc.SystemError, "nameless module");
        return UnicodeApi.PyUnicode_AsUTF8AndSize(ObjectSpace.Borrow(name), null);
    }

    [CApi]
    internal static NewReference PyModule_GetFilenameObject(BorrowedReference m) =>
        Module(m).ModuleDict.GetItem(new PyStr("__file__")) is PyStr s ? ObjectSpace.NewRef(s)
            : throw new PythonException(PyExc.SystemError, "module filename missing");

    [CApi]
    internal static PyModuleDefLayout* PyModule_GetDef(BorrowedReference m) => Module(m).Def;

    [CApi(Error = "0")]
    internal static nint PyModule_GetState(BorrowedReference m) => Module(m).State;

    [CApi]
    internal static int PyModule_AddFunctions(BorrowedReference m, PyMethodDefLayout* functions)
    {
        Module(m).AddFunctions(functions);
        return 0;
    }

    [CApi]
    internal static int PyModule_SetDocString(BorrowedReference m, byte* doc)
    {
        Module(m).SetDoc(doc);
        return 0;
    }

    [CApi]
    internal static int PyModule_AddObjectRef(BorrowedReference m, string name, BorrowedReference value)
    {
        var module = ObjectSpace.FromNativeOrNull(m);
        if (module is not PyModule pm)
        {
            throw new PythonException(PyExc.TypeError, "PyModule_AddObjectRef() first argument must be a module");
        }
        if (value.IsNull)
        {
            if (PythonException.Fetch() is { } pending)
            {
                throw pending;
            }
            throw new PythonException(PyExc.SystemError, "PyModule_AddObjectRef() must be called with an exception raised if value is NULL");
        }
        pm.ModuleDict.SetItem(new PyStr(name), ObjectSpace.FromNative(value));
        return 0;
    }

    /// <summary>Steals the value on success only (the historical contract).</summary>
    [CApi]
    internal static int PyModule_AddObject(BorrowedReference m, string name, BorrowedReference value)
    {
        PyModule_AddObjectRef(m, name, value);
        ObjectSpace.DecRef(value.Address);
        return 0;
    }

    [CApi]
    internal static int PyModule_AddIntConstant(BorrowedReference m, string name, long value)
    {
        Module(m).ModuleDict.SetItem(new PyStr(name), new PyInt(value));
        return 0;
    }

    [CApi]
    internal static int PyModule_AddStringConstant(BorrowedReference m, string name, string value)
    {
        Module(m).ModuleDict.SetItem(new PyStr(name), new PyStr(value));
        return 0;
    }

    [CApi]
    internal static int PyModule_AddType(BorrowedReference m, BorrowedReference type)
    {
        var t = (PyType)ObjectSpace.FromNative(type);
        Module(m).ModuleDict.SetItem(new PyStr(t.ShortName), t);
        return 0;
    }

    private static readonly Dictionary<nint, PyObject> stateModules = new();

    [CApi(Error = "0")]
    internal static BorrowedReference PyState_FindModule(nint def) =>
        stateModules.TryGetValue(def, out var m) ? ObjectSpace.Borrow(m) : BorrowedReference.Null;

    [CApi]
    internal static int PyState_AddModule(BorrowedReference module, nint def)
    {
        stateModules[def] = ObjectSpace.FromNative(module);
        return 0;
    }

    [CApi]
    internal static int PyState_RemoveModule(nint def) =>
        stateModules.Remove(def) ? 0 : throw new PythonException(PyExc.SystemError, "PyState_RemoveModule: Module index out of bounds.");
}
