using System.Net;
using System.Net.Sockets;

namespace Notify.Tests.Shared;

/// <summary>A loopback port nobody listens on right now, for servers a test starts.</summary>
public static class FreePort
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
