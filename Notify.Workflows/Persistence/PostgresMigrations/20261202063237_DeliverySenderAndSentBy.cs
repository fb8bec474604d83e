using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Notify.Workflows.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class DeliverySenderAndSentBy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Sender",
                table: "Deliveries",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SentBy",
                table: "Deliveries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Sender",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "SentBy",
                table: "Deliveries");
        }
    }
}
