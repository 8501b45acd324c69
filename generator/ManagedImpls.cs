// The managed side: static methods of PyCApi.Core marked [CApi], found by reflection.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace PyCApi.Generator;

/// <summary>A [CApi] method: it implements the C function of the same name.</summary>
internal sealed record ManagedImpl(string Name, MethodInfo Method, string? Error, bool SlowPath)
{
    /// <summary>The prefix of the entry point of a slow path behind a C fast path.</summary>
    public const string SlowPathPrefix = "_PyCApi_Slow_";

    public string EntryPoint => SlowPath ? SlowPathPrefix + Name : Name;
}

internal static class ManagedImpls
{
    // Compared by name: the generator does not reference Core (Core may not even compile
    // against the same SDK at the time the generator is built).
    public const string AttributeName = "PyCApi.Runtime.CApiAttribute";

    public static Dictionary<string, ManagedImpl> Load(string assemblyPath, List<string> errors)
    {
        var result = new Dictionary<string, ManagedImpl>(StringComparer.Ordinal);
        Assembly assembly;
        try
        {
            assembly = Assembly.LoadFrom(Path.GetFullPath(assemblyPath));
        }
        catch (Exception e) when (e is IOException or BadImageFormatException)
        {
            errors.Add($"{assemblyPath}: cannot load the Core assembly: {e.Message}");
            return result;
        }

        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            // A type we cannot see could hold [CApi] methods: silently missing them would turn
            // implemented functions into "not implemented" stubs.
            foreach (Exception? loader in e.LoaderExceptions.Distinct())
                errors.Add($"{assemblyPath}: type load failure: {loader?.Message}");
            return result;
        }

        const BindingFlags flags = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        foreach (Type type in types.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            foreach (MethodInfo method in type.GetMethods(flags).OrderBy(m => m.MetadataToken))
            {
                CustomAttributeData? attribute = method.GetCustomAttributesData()
                    .FirstOrDefault(a => a.AttributeType.FullName == AttributeName);
                if (attribute is null)
                    continue;
                string where = $"{type.FullName}.{method.Name}";
                if (result.TryGetValue(method.Name, out ManagedImpl? previous))
                {
                    errors.Add($"{method.Name} is implemented twice: {previous.Method.DeclaringType?.FullName}.{method.Name} and {where}");
                    continue;
                }
                if (method.IsGenericMethodDefinition || type.ContainsGenericParameters)
                {
                    errors.Add($"{where}: a [CApi] method cannot be generic");
                    continue;
                }
                // The stubs live in another assembly (libpycapi, a friend of Core): private and
                // protected methods are out of their reach.
                if (method.IsPrivate || method.IsFamily || method.IsFamilyAndAssembly)
                {
                    errors.Add($"{where}: a [CApi] method must be public or internal");
                    continue;
                }
                string? error = attribute.NamedArguments
                    .Where(a => a.MemberName == "Error")
                    .Select(a => a.TypedValue.Value as string)
                    .FirstOrDefault();
                bool slowPath = attribute.NamedArguments
                    .Any(a => a.MemberName == "SlowPath" && a.TypedValue.Value is true);
                result.Add(method.Name, new ManagedImpl(method.Name, method, error, slowPath));
            }
        }
        return result;
    }
}
