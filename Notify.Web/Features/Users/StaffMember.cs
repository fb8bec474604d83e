namespace Notify.Web.Features.Users;

/// <summary>A staff account as the Users page and the API show it.</summary>
/// <param name="Invited">Signed in never: still to use the code in the invitation and choose a password.</param>
public sealed record StaffMember(string Email, string Name, string Role, bool Active, bool Invited);

/// <summary><c>PUT /api/v1/users/{email}</c>: what to set; a field left out stays as it is (a new account needs a role).</summary>
public sealed record StaffBody(string? Name, string? Role, bool? Active);
