using System.Runtime.InteropServices;
using PyCApi.Runtime;
using PyCApi.Tests.Conformance;
using Xunit;

namespace PyCApi.Tests.ObjectSpace;

/// <summary>The C# mirrors of native layouts (src/Core/Runtime/Layouts.cs) agree with
/// include/ as the C compiler lays it out (which abi_layout checks against CPython).</summary>
public sealed class LayoutMirrorTests
{
    // (C struct, C member expression, C# mirror type, C# field)
    private static readonly (string CStruct, string CMember, Type Mirror, string Field)[] Fields = BuildFields();

    private static (string, string, Type, string)[] BuildFields()
    {
        var list = new List<(string, string, Type, string)>();
        foreach (var f in typeof(PyTypeObjectLayout).GetFields())
        {
            if (f.Name != "ob_base")
            {
                list.Add(("PyTypeObject", f.Name, typeof(PyTypeObjectLayout), f.Name));
            }
        }
        foreach (var name in new[] { "ht_name", "ht_slots", "ht_qualname", "ht_module", "as_async", "as_number", "as_mapping", "as_sequence", "as_buffer" })
        {
            list.Add(("PyHeapTypeObject", name, typeof(PyHeapTypeLayout), name));
        }
        foreach (var name in new[] { "ml_name", "ml_meth", "ml_flags", "ml_doc" })
        {
            list.Add(("PyMethodDef", name, typeof(PyMethodDefLayout), name));
        }
        foreach (var (c, cs) in new[] { ("m_base.m_init", "m_init"), ("m_base.m_index", "m_index"), ("m_base.m_copy", "m_copy"),
                     ("m_name", "m_name"), ("m_doc", "m_doc"), ("m_size", "m_size"), ("m_methods", "m_methods"), ("m_slots", "m_slots"),
                     ("m_traverse", "m_traverse"), ("m_clear", "m_clear"), ("m_free", "m_free") })
        {
            list.Add(("PyModuleDef", c, typeof(PyModuleDefLayout), cs));
        }
        list.Add(("PyModuleDef_Slot", "value", typeof(PyModuleDefSlotLayout), "value"));
        foreach (var name in new[] { "name", "type", "offset", "flags", "doc" })
        {
            list.Add(("PyMemberDef", name, typeof(PyMemberDefLayout), name));
        }
        foreach (var name in new[] { "name", "get", "set", "doc", "closure" })
        {
            list.Add(("PyGetSetDef", name, typeof(PyGetSetDefLayout), name));
        }
        list.Add(("PyType_Slot", "slot", typeof(PyTypeSlotLayout), "slot"));
        list.Add(("PyType_Slot", "pfunc", typeof(PyTypeSlotLayout), "pfunc"));
        foreach (var name in new[] { "name", "basicsize", "itemsize", "flags", "slots" })
        {
            list.Add(("PyType_Spec", name, typeof(PyTypeSpecLayout), name));
        }
        list.Add(("PyCMethodObject", "func.m_ml", typeof(PyCFunctionLayout), "m_ml"));
        list.Add(("PyCMethodObject", "func.m_self", typeof(PyCFunctionLayout), "m_self"));
        list.Add(("PyCMethodObject", "func.m_module", typeof(PyCFunctionLayout), "m_module"));
        list.Add(("PyCMethodObject", "func.vectorcall", typeof(PyCFunctionLayout), "vectorcall"));
        list.Add(("PyCMethodObject", "mm_class", typeof(PyCFunctionLayout), "mm_class"));
        list.Add(("PyFloatObject", "ob_fval", typeof(PyFloatLayout), "ob_fval"));
        list.Add(("PyBytesObject", "ob_shash", typeof(PyBytesLayout), "ob_shash"));
        list.Add(("PyComplexObject", "cval.real", typeof(PyComplexLayout), "real"));
        list.Add(("PyComplexObject", "cval.imag", typeof(PyComplexLayout), "imag"));
        foreach (var name in new[] { "start", "stop", "step" })
        {
            list.Add(("PySliceObject", name, typeof(PySliceLayout), name));
        }
        list.Add(("PyListObject", "ob_item", typeof(PyListLayout), "ob_item"));
        list.Add(("PyListObject", "allocated", typeof(PyListLayout), "allocated"));
        list.Add(("PyDictObject", "ma_used", typeof(PyDictLayout), "ma_used"));
        foreach (var name in new[] { "fill", "used", "mask", "table", "hash", "finger", "smalltable", "weakreflist" })
        {
            list.Add(("PySetObject", name, typeof(PySetLayout), name));
        }
        foreach (var name in new[] { "ob_alloc", "ob_bytes", "ob_start", "ob_exports" })
        {
            list.Add(("PyByteArrayObject", name, typeof(PyByteArrayLayout), name));
        }
        foreach (var name in new[] { "mbuf", "hash", "flags", "exports", "view", "weakreflist", "ob_array" })
        {
            list.Add(("PyMemoryViewObject", name, typeof(PyMemoryViewLayout), name));
        }
        foreach (var name in new[] { "buf", "obj", "len", "itemsize", "readonly", "ndim", "format", "shape", "strides", "suboffsets", "internal" })
        {
            list.Add(("Py_buffer", name, typeof(PyCApi.Objects.PyBufferLayout), name));
        }
        foreach (var name in new[] { "dict", "args", "notes", "traceback", "context", "cause", "suppress_context" })
        {
            list.Add(("PyBaseExceptionObject", name, typeof(PyBaseExceptionLayout), name));
        }
        foreach (var (c, cs) in new[] { ("_base.length", "length"), ("_base.hash", "hash"), ("_base.state", "state"),
                     ("_base.wstr", "wstr"), ("utf8_length", "utf8_length"), ("utf8", "utf8"), ("wstr_length", "wstr_length") })
        {
            list.Add(("PyCompactUnicodeObject", c, typeof(PyCompactUnicodeLayout), cs));
        }
        return list.ToArray();
    }

    private static readonly (string CStruct, Type Mirror)[] Sizes =
    {
        ("PyTypeObject", typeof(PyTypeObjectLayout)), ("PyHeapTypeObject", typeof(PyHeapTypeLayout)),
        ("PyMethodDef", typeof(PyMethodDefLayout)), ("PyModuleDef", typeof(PyModuleDefLayout)),
        ("PyModuleDef_Slot", typeof(PyModuleDefSlotLayout)), ("PyCMethodObject", typeof(PyCFunctionLayout)),
        ("PyFloatObject", typeof(PyFloatLayout)), ("PyListObject", typeof(PyListLayout)), ("PyDictObject", typeof(PyDictLayout)),
        ("PySetObject", typeof(PySetLayout)),
        ("PyMemberDef", typeof(PyMemberDefLayout)), ("PyGetSetDef", typeof(PyGetSetDefLayout)),
        ("PyType_Slot", typeof(PyTypeSlotLayout)), ("PyType_Spec", typeof(PyTypeSpecLayout)),
        ("PyComplexObject", typeof(PyComplexLayout)), ("PySliceObject", typeof(PySliceLayout)),
        ("PyByteArrayObject", typeof(PyByteArrayLayout)), ("PyMemoryViewObject", typeof(PyMemoryViewLayout)),
        ("Py_buffer", typeof(PyCApi.Objects.PyBufferLayout)),
        ("PyCompactUnicodeObject", typeof(PyCompactUnicodeLayout)), // last: its size is checked again below
    };

    [Fact]
    public void MirrorsMatchTheCompiledHeaders()
    {
        var dir = Path.Combine(RepoLayout.RepoRoot, "build", "layout-mirror");
        Directory.CreateDirectory(dir);
        var source = new System.Text.StringBuilder("#include <Python.h>\n#include <structmember.h>\n#include <stddef.h>\nint main(void) {\n");
        foreach (var f in Fields)
        {
            source.Append($"    printf(\"%zu\\n\", offsetof({f.CStruct}, {f.CMember}));\n");
        }
        foreach (var s in Sizes)
        {
            source.Append($"    printf(\"%zu\\n\", sizeof({s.CStruct}));\n");
        }
        source.Append("    printf(\"%zu\\n\", sizeof(PyASCIIObject));\n    return 0;\n}\n");
        var c = Path.Combine(dir, "layout.c");
        var exe = Path.Combine(dir, "layout");
        File.WriteAllText(c, source.ToString());
        var cc = ProcessRunner.Run("gcc", new[] { "-I", RepoLayout.OurIncludeDir, "-o", exe, c }, dir, TimeSpan.FromSeconds(60));
        Assert.True(cc.ExitCode == 0, "gcc failed: " + cc.StderrText);
        var run = ProcessRunner.Run(exe, Array.Empty<string>(), dir, TimeSpan.FromSeconds(30));
        var values = run.StdoutText.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToArray();
        int i = 0;
        foreach (var f in Fields)
        {
            Assert.True(values[i] == Marshal.OffsetOf(f.Mirror, f.Field).ToInt64(),
                $"offsetof({f.CStruct}, {f.CMember}) is {values[i]} in C, {Marshal.OffsetOf(f.Mirror, f.Field)} in {f.Mirror.Name}.{f.Field}");
            i++;
        }
        foreach (var s in Sizes)
        {
            Assert.True(values[i] == Marshal.SizeOf(s.Mirror), $"sizeof({s.CStruct}) is {values[i]} in C, {Marshal.SizeOf(s.Mirror)} for {s.Mirror.Name}");
            i++;
        }
        Assert.Equal(PyCompactUnicodeLayout.AsciiSize, values[i]);
        Assert.Equal(PyCompactUnicodeLayout.CompactSize, values[i - 1]);
    }
}
