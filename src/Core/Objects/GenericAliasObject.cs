using System.Text;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>types.GenericAlias (PEP 585): list[int] and its kind, an origin subscripted with
/// arguments. Attributes other than its own come from the origin; calling it makes an
/// instance of the origin; iterating it gives its starred form (*list[int], PEP 646). There
/// is no typing module here: a type variable is any non-class argument with __typing_subst__
/// (what CPython 3.11 looks for); unpacking in substitution (TypeVarTuple, a starred
/// argument, __typing_prepare_subst__) and the starred form's __reduce__ are not modelled.</summary>
internal sealed class PyGenericAlias(PyObject origin, PyObject args, bool starred = false)
    : PyObject(BuiltinTypes.Get("types.GenericAlias"))
{
    internal readonly PyObject Origin = origin;

    internal readonly bool Starred = starred;

    /// <summary>A single argument stands for a one-tuple.</summary>
    internal readonly PyTuple Args = args as PyTuple ?? PyTuple.Create([args]);

    private PyTuple? parameters;

    /// <summary>The attributes an alias answers itself; any other comes from the origin.</summary>
    private static readonly HashSet<string> OwnAttributes =
        ["__class__", "__origin__", "__args__", "__unpacked__", "__parameters__", "__typing_unpacked_tuple_args__",
         "__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__"];

    internal PyTuple Parameters => parameters ??= MakeParameters(Args);

    internal override PyObject GetAttr(PyStr name) => name.Value switch
    {
        "__origin__" => Origin,
        "__args__" => Args,
        "__parameters__" => Parameters,
        "__unpacked__" => PyBool.Of(Starred),
        "__typing_unpacked_tuple_args__" => Starred && ReferenceEquals(Origin, BuiltinTypes.Tuple) ? Args : PyNone.Instance,
        _ when !OwnAttributes.Contains(name.Value) => Attributes.GetAttr(Origin, name),
        _ => base.GetAttr(name),
    };

    internal override PyStr ReprCore()
    {
        var text = new StringBuilder(Starred ? "*" : "").Append(ReprItem(Origin)).Append('[');
        text.AppendJoin(", ", Args.ToArray().Select(ReprItem));
        return new PyStr(text.Append(Args.Count == 0 ? "()]" : "]").ToString());
    }

    /// <summary>An argument as PEP 585 shows it: "..." for Ellipsis, an alias's repr, a class by
    /// its (module-qualified unless built-in) qualified name, anything else by its repr.</summary>
    private static string ReprItem(PyObject p)
    {
        if (p is PyEllipsis)
        {
            return "...";
        }
        if (Attributes.Lookup(p, "__origin__") is not null && Attributes.Lookup(p, "__args__") is not null)
        {
            return p.ReprString();
        }
        var qualname = Attributes.Lookup(p, "__qualname__");
        var module = qualname is null ? null : Attributes.Lookup(p, "__module__");
        if (qualname is null || module is null or PyNone)
        {
            return p.ReprString();
        }
        return module is PyStr { Value: "builtins" } ? qualname.StrString() : $"{module.StrString()}.{qualname.StrString()}";
    }

    internal override PyObject RichCompareCore(PyObject other, CompareOp op)
    {
        if (other is not PyGenericAlias b || op is not (CompareOp.Eq or CompareOp.Ne))
        {
            return PyNotImplemented.Instance;
        }
        bool equal = Starred == b.Starred && Abstract.RichCompareBool(Origin, b.Origin, CompareOp.Eq)
            && Abstract.RichCompareBool(Args, b.Args, CompareOp.Eq);
        return PyBool.Of(equal == (op == CompareOp.Eq));
    }

    internal override long HashCore() => Abstract.Hash(Origin) ^ Abstract.Hash(Args);

    internal override bool IsCallable => true;

    /// <summary>origin(*args, **kwargs), told its alias in __orig_class__ when it takes attributes.</summary>
    internal override PyObject Call(PyTuple args, PyDict? kwargs)
    {
        var obj = Abstract.Call(Origin, args, kwargs);
        try
        {
            Abstract.SetAttr(obj, new PyStr("__orig_class__"), this);
        }
        catch (PythonException e) when (e.Type is PyType t && (t.IsSubtypeOf(PyExc.AttributeError) || t.IsSubtypeOf(PyExc.TypeError)))
        {
        }
        return obj;
    }

    /// <summary>The type variables among the arguments, in order, each once: those that are
    /// not classes and have __typing_subst__, and the __parameters__ of the others.</summary>
    private static PyTuple MakeParameters(PyTuple args)
    {
        var found = new List<PyObject>();
        void Add(PyObject p)
        {
            if (!found.Any(q => ReferenceEquals(q, p)))
            {
                found.Add(p);
            }
        }
        foreach (var arg in args.ToArray())
        {
            if (arg is PyType)
            {
                continue;
            }
            if (Attributes.Lookup(arg, "__typing_subst__") is not null)
            {
                Add(arg);
            }
            else if (Attributes.Lookup(arg, "__parameters__") is PyTuple nested)
            {
                foreach (var p in nested.ToArray())
                {
                    Add(p);
                }
            }
        }
        return PyTuple.Create(found.ToArray());
    }

    /// <summary>alias[item]: the type variables replaced by item's values (a tuple gives one
    /// for each parameter), inside nested aliases too.</summary>
    internal PyObject Subscript(PyObject item)
    {
        var parameters = Parameters.ToArray();
        if (parameters.Length == 0)
        {
            throw new PythonException(PyExc.TypeError, $"{ReprString()} is not a generic class");
        }
        var values = item is PyTuple t ? t.ToArray() : [item];
        if (values.Length != parameters.Length)
        {
            throw new PythonException(PyExc.TypeError,
                $"Too {(values.Length > parameters.Length ? "many" : "few")} arguments for {ReprString()}; actual {values.Length}, expected {parameters.Length}");
        }
        PyObject ValueOf(PyObject parameter) => values[Array.FindIndex(parameters, p => ReferenceEquals(p, parameter))];
        var newArgs = Args.ToArray().Select(arg =>
        {
            if (arg is PyType)
            {
                return arg;
            }
            if (Attributes.Lookup(arg, "__typing_subst__") is { } subst)
            {
                return Abstract.Call(subst, PyTuple.Create([ValueOf(arg)]), null);
            }
            if (Attributes.Lookup(arg, "__parameters__") is PyTuple { Count: > 0 } nested)
            {
                return Abstract.GetItem(arg, PyTuple.Create(nested.ToArray().Select(ValueOf).ToArray()));
            }
            return arg;
        });
        return new PyGenericAlias(Origin, PyTuple.Create(newArgs.ToArray()), Starred);
    }

    [CApi]
    internal static NewReference Py_GenericAlias(BorrowedReference origin, BorrowedReference args) =>
        ObjectSpace.NewRef(new PyGenericAlias(ObjectSpace.FromNative(origin), ObjectSpace.FromNative(args)));
}

/// <summary>iter(alias): the alias starred, once.</summary>
internal sealed class PyGenericAliasIterator(PyGenericAlias alias) : PyIterator(BuiltinTypes.Get("generic_alias_iterator"))
{
    private PyGenericAlias? left = alias;

    internal override PyObject? Next()
    {
        var next = left is null ? null : new PyGenericAlias(left.Origin, left.Args, starred: true);
        left = null;
        return next;
    }
}

/// <summary>The GenericAlias type's constructor and methods, and __class_getitem__ on the
/// built-in classes CPython 3.11 gives it to.</summary>
internal static class GenericAliasTypes
{
    internal static void Register()
    {
        var type = BuiltinTypes.Get("types.GenericAlias");
        type.Constructor = (_, args, kwargs) =>
        {
            if (kwargs is { Count: > 0 })
            {
                throw new PythonException(PyExc.TypeError, "GenericAlias() takes no keyword arguments");
            }
            ArgCheck.Range("GenericAlias", args.ToArray(), 2, 2);
            return new PyGenericAlias(args[0], args[1]);
        };
        PyBuiltinMethodDescriptor.Add(type, "__mro_entries__", (self, args, kwargs) =>
        {
            ArgCheck.One("__mro_entries__", args, kwargs);
            return PyTuple.Create([((PyGenericAlias)self!).Origin]);
        });
        PyBuiltinMethodDescriptor.Add(type, "__instancecheck__", (_, args, kwargs) =>
        {
            ArgCheck.One("__instancecheck__", args, kwargs);
            throw new PythonException(PyExc.TypeError, "isinstance() argument 2 cannot be a parameterized generic");
        });
        PyBuiltinMethodDescriptor.Add(type, "__subclasscheck__", (_, args, kwargs) =>
        {
            ArgCheck.One("__subclasscheck__", args, kwargs);
            throw new PythonException(PyExc.TypeError, "issubclass() argument 2 cannot be a parameterized generic");
        });
        PyBuiltinMethodDescriptor.Add(type, "__reduce__", (self, args, kwargs) =>
        {
            ArgCheck.None("__reduce__", args, kwargs);
            var alias = (PyGenericAlias)self!;
            return PyTuple.Create([alias.Type, PyTuple.Create([alias.Origin, alias.Args])]);
        });

        PyIterator.AddLengthHint(BuiltinTypes.Get("generic_alias_iterator"));
        foreach (var name in new[] { "list", "dict", "tuple", "set", "frozenset", "enumerate", "mappingproxy",
                                     "weakref.ReferenceType", "_contextvars.ContextVar", "_contextvars.Token", "BaseExceptionGroup" })
        {
            PyBuiltinClassMethodDescriptor.Add(BuiltinTypes.Get(name), "__class_getitem__", (cls, args, kwargs) =>
                new PyGenericAlias(cls!, ArgCheck.One($"{((PyType)cls!).ShortName}.__class_getitem__", args, kwargs)));
        }
    }
}
