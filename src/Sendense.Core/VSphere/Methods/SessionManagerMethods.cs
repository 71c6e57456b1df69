using System.Runtime.InteropServices;
using System.Security;
using System.Xml;
using Sendense.Core.VSphere.Soap;
using Sendense.Core.VSphere.Types;

namespace Sendense.Core.VSphere.Methods;

/// <summary>Login and Logout.</summary>
internal static class SessionManagerMethods
{
    /// <summary>Logs in; the password is written into the (afterwards wiped) request body straight from the SecureString.</summary>
    internal static Task<UserSession> LoginAsync(SoapTransport transport, ManagedObjectReference sessionManager, string userName,
        SecureString password, CancellationToken cancellationToken) =>
        transport.InvokeAsync("Login",
            writer =>
            {
                SoapEnvelopeWriter.WriteThis(writer, sessionManager);
                SoapEnvelopeWriter.WriteElement(writer, "userName", userName);
                writer.WriteStartElement("password", VimNames.Vim25Namespace);
                WritePassword(writer, password);
                writer.WriteEndElement();
            },
            reader => ReadUserSession(reader) ?? throw VimXml.Unexpected("Login returned no session"),
            cancellationToken);

    internal static Task<bool> LogoutAsync(SoapTransport transport, ManagedObjectReference sessionManager, CancellationToken cancellationToken) =>
        transport.InvokeAsync("Logout",
            writer => SoapEnvelopeWriter.WriteThis(writer, sessionManager),
            reader => true,
            cancellationToken);

    /// <summary>Reads a UserSession element (LoginResponse/returnval, or a currentSession val).</summary>
    internal static UserSession? ReadUserSession(XmlReader reader)
    {
        // On LoginResponse the session is its returnval child; a currentSession val is the session itself.
        if (reader.LocalName.EndsWith("Response", StringComparison.Ordinal))
        {
            UserSession? found = null;
            if (VimXml.Enter(reader))
            {
                while (VimXml.NextChild(reader))
                {
                    if (VimXml.Is(reader, VimNames.Returnval))
                    {
                        found = ReadSessionFields(reader);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }

            return found;
        }

        return ReadSessionFields(reader);
    }

    private static UserSession ReadSessionFields(XmlReader reader)
    {
        string key = string.Empty, userName = string.Empty, fullName = string.Empty;
        if (VimXml.Enter(reader))
        {
            while (VimXml.NextChild(reader))
            {
                if (VimXml.Is(reader, VimNames.Key)) { key = VimXml.ReadString(reader); }
                else if (VimXml.Is(reader, VimNames.UserName)) { userName = VimXml.ReadString(reader); }
                else if (VimXml.Is(reader, VimNames.FullName)) { fullName = VimXml.ReadString(reader); }
                else { reader.Skip(); }
            }
        }

        return new UserSession { Key = key, UserName = userName, FullName = fullName };
    }

    // The password becomes characters only here, in a buffer that is zeroed right after XmlWriter escaped it.
    private static void WritePassword(XmlWriter writer, SecureString password)
    {
        IntPtr pointer = IntPtr.Zero;
        char[] buffer = new char[password.Length];
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(password);
            Marshal.Copy(pointer, buffer, 0, buffer.Length);
            writer.WriteChars(buffer, 0, buffer.Length);
        }
        finally
        {
            Array.Clear(buffer, 0, buffer.Length);
            if (pointer != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }
}
