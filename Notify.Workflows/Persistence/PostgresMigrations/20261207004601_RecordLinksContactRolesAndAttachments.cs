using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Notify.Workflows.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class RecordLinksContactRolesAndAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContactRoles",
                table: "RecordTypes",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Links",
                table: "Records",
                type: "text",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "AttachmentsJson",
                table: "Deliveries",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ContactRoles",
                table: "RecordTypes");

            migrationBuilder.DropColumn(
                name: "Links",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "AttachmentsJson",
                table: "Deliveries");
        }
    }
}
