// Starts Blazor (App.razor loads blazor.web.js with autostart="false"). The circuit's connection goes straight to a
// WebSocket, without SignalR's negotiate request: behind a load balancer without sticky sessions, the negotiate and
// the WebSocket that follows could otherwise reach two different instances, and the second would not know the
// connection (decision 014). WebSockets are required anyway (docs/deploy.md).
Blazor.start({
    circuit: {
        configureSignalR: builder => builder.withUrl('_blazor', { skipNegotiation: true, transport: 1 /* WebSockets */ }),
    },
});
