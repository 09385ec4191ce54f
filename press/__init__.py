"""Press relations: media contacts (outlets, journalists, lists), their import and export,
releases and press kits in the public pressroom, their distribution by e-mail, press
enquiries and the RGPD tools. Contacts are seen by the Press officers group only."""
